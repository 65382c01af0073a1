namespace OttobonJobs.Api.Identity;

public static class IdentitySetup
{
    public static IServiceCollection AddOttobonIdentity(this IServiceCollection services)
    {
        services.AddSingleton<UserRegistration>();
        services.AddSingleton<LoginThrottle>();
        services.AddHostedService<AccountSeeding>();
        return services;
    }
}
