using OttobonJobs.Api.Hosting;

namespace OttobonJobs.Api.Notifications;

public static class NotificationSetup
{
    public static IServiceCollection AddOttobonNotifications(this IServiceCollection services) =>
        services.AddPostgresChannel<NotificationFanout>();
}
