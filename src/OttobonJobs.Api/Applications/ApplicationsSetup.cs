namespace OttobonJobs.Api.Applications;

public static class ApplicationsSetup
{
    public static IServiceCollection AddOttobonApplications(this IServiceCollection services) => services.AddScoped<ApplicationReads>();
}
