namespace OttobonJobs.Api.Identity;

public static class IdentitySetup
{
    public static IServiceCollection AddOttobonIdentity(this IServiceCollection services)
    {
        services.AddSingleton<UserRegistration>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<SignInSessions>();
        // Before the seeding, so the bootstrap admin of an old database keeps its password.
        services.AddHostedService<CredentialsMigration>();
        services.AddHostedService<AccountSeeding>();
        return services;
    }
}
