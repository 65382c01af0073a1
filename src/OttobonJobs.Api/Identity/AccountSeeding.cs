using Marten;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Identity;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence.EventSourcing;

namespace OttobonJobs.Api.Identity;

/// <summary>
/// On start: creates the bootstrap admin (OTTOBON_ADMIN_EMAIL / OTTOBON_ADMIN_PASSWORD) when no such user exists,
/// and, when asked to, a demo seeker and provider. Admins are never created through the API. Runs once every hosted
/// service (Wolverine among them) has started, because accounts are created through the message bus. The demo
/// accounts (the admin too when it has the demo address, as scripts/run-product.sh gives it) are vouched for, so
/// their made-up addresses count as verified and the demo seeker gets alerts at once.
/// </summary>
public class AccountSeeding(
    IOptions<OttobonSettings> settings,
    UserRegistration registration,
    IServiceScopeFactory scopes,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<AccountSeeding> logger) : IHostedLifecycleService
{
    public const string DemoSeekerEmail = "seeker@demo.ottobon.local";
    public const string DemoProviderEmail = "provider@demo.ottobon.local";
    public const string DemoAdminEmail = "admin@demo.ottobon.local";

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var admin = settings.Value.Admin;
        var demo = settings.Value.Demo;
        var seeded = new List<(string Role, string Email, string Password)>();

        if (!string.IsNullOrWhiteSpace(admin.Email) && !string.IsNullOrEmpty(admin.Password))
        {
            await EnsureAccount(admin.Email, admin.Password, admin.FullName, Role.Admin, cancellationToken);
            seeded.Add((Role.Admin, admin.Email, admin.Password));
            if (demo.SeedAccounts && EmailAddress.Normalise(admin.Email) == DemoAdminEmail) await VouchForAsync(DemoAdminEmail, cancellationToken);
        }

        if (demo.SeedAccounts && !string.IsNullOrEmpty(demo.Password))
        {
            await EnsureAccount(DemoSeekerEmail, demo.Password, "Asha Menon", Role.Seeker, cancellationToken);
            await EnsureAccount(DemoProviderEmail, demo.Password, "Ravi Iyer (Acme Analytics)", Role.Provider, cancellationToken);
            await VouchForAsync(DemoSeekerEmail, cancellationToken);
            await VouchForAsync(DemoProviderEmail, cancellationToken);
            seeded.Add((Role.Seeker, DemoSeekerEmail, demo.Password));
            seeded.Add((Role.Provider, DemoProviderEmail, demo.Password));
        }

        if (demo.SeedAccounts)
            lifetime.ApplicationStarted.Register(() => PrintWelcome(seeded));
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnsureAccount(string email, string password, string fullName, string role, CancellationToken cancellationToken)
    {
        if (!EmailAddress.IsValid(email) || ProfileRules.CheckPassword(password) is { } problem)
        {
            logger.LogError("Not creating the {Role} account {Email}: the email or password is not acceptable.", role, email);
            return;
        }

        var outcome = await registration.RegisterAsync(email, password, fullName, role, cancellationToken);
        if (outcome is RegistrationOutcome.Registered)
            logger.LogInformation("Created the {Role} account {Email}.", role, email);
    }

    /// <summary>Also on later starts, for demo accounts created before vouching existed (or marked undeliverable since).</summary>
    private async Task VouchForAsync(string email, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        var account = await query.Query<UserAccount>()
            .FirstOrDefaultAsync(a => a.Email == email && a.ErasedAt == null, cancellationToken);
        if (account is null || account.EmailStatus == EmailStatus.Verified) return;

        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new VouchForEmail(account.Id), cancellationToken);
        logger.LogInformation("Marked the address of the demo account {Email} as verified.", email);
    }

    private void PrintWelcome(List<(string Role, string Email, string Password)> accounts)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault()?.Replace("://+", "://localhost").Replace("://0.0.0.0", "://localhost") ?? "(unknown)";
        Console.WriteLine();
        Console.WriteLine($"  Ottobon Jobs is running at {url}");
        Console.WriteLine($"  API reference: {url}/api/docs");
        foreach (var (role, email, password) in accounts)
            Console.WriteLine($"  {role,-9} {email}  password: {password}");
        Console.WriteLine();
    }
}

public static class VouchForEmailHandler
{
    [Emits(typeof(EmailVerified))]
    public static Events Handle(
        VouchForEmail command, [WriteAggregate(nameof(VouchForEmail.UserId), Required = false)] User? user, TimeProvider clock) =>
        new(UserDecisions.VouchForEmail(user, command, clock.GetUtcNow()).Events);
}
