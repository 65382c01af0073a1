using Microsoft.Extensions.Options;
using OttobonJobs.Api.Adapters.Email;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Email;
using Wolverine;
using Wolverine.ErrorHandling;

namespace OttobonJobs.Api.Email;

public static class EmailSetup
{
    public const string Queue = "email";

    /// <summary>Retried in place first (a server restarting), then scheduled with growing delays (an outage, greylisting).</summary>
    public static readonly TimeSpan[] Cooldowns = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];
    public static readonly TimeSpan[] Delays = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(4)];

    public static IServiceCollection AddOttobonEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<EmailSettings>(configuration, EmailSettings.Section);
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<UnconfiguredEmailSender>();
        services.AddSingleton<IEmailSender>(provider =>
            string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<EmailSettings>>().Value.SmtpHost)
                ? provider.GetRequiredService<UnconfiguredEmailSender>()
                : provider.GetRequiredService<SmtpEmailSender>());
        services.AddSingleton<EmailLinks>();
        services.AddSingleton<MailRequestThrottle>();
        return services;
    }

    /// <summary>Every email goes through one durable local queue, a few at a time, retried with backoff when the server fails for now.</summary>
    public static WolverineOptions AddEmailDelivery(this WolverineOptions opts)
    {
        opts.PublishMessage<DeliverEmail>().ToLocalQueue(Queue).UseDurableInbox().MaximumParallelMessages(2);
        opts.Policies.OnException<TransientEmailException>().RetryWithCooldown(Cooldowns).Then.ScheduleRetry(Delays);
        return opts;
    }
}
