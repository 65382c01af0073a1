using System.Net;
using Alba;
using Marten;
using OttobonJobs.Api.Identity;
using OttobonJobs.Domain.Identity;
using OttobonJobs.Projections.Identity;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Identity;

/// <summary>A start as scripts/run-product.sh makes it: demo accounts on, the admin at the demo address.</summary>
public class DemoSeedingApiFixture : ApiFixture
{
    public const string DemoPassword = "demo-password-1";

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Ottobon:Demo:SeedAccounts"] = "true",
        ["Ottobon:Demo:Password"] = DemoPassword,
        ["Ottobon:Admin:Email"] = AccountSeeding.DemoAdminEmail,
        ["Ottobon:Admin:Password"] = DemoPassword,
    };
}

public class when_seeding_demo_accounts(DemoSeedingApiFixture api) : IClassFixture<DemoSeedingApiFixture>
{
    private static readonly string[] DemoAccounts = [AccountSeeding.DemoSeekerEmail, AccountSeeding.DemoProviderEmail, AccountSeeding.DemoAdminEmail];

    private static async Task<string> EmailStatusOf(IAlbaHost host, string email, string password)
    {
        var login = await host.Scenario(s => s.Post.Json(new { email, password }).ToUrl("/api/auth/login"));
        var user = Accounts.Read(login.Json());
        var me = await host.Scenario(s => { s.Get.Url("/api/users/me"); s.As(user); });
        return me.Json().GetProperty("email_status").GetString()!;
    }

    private async Task<int> VerificationsOf(string email)
    {
        await using var session = api.Store.QuerySession();
        var account = await session.Query<UserAccount>().SingleAsync(a => a.Email == email);
        return (await session.Events.FetchStreamAsync(account.Id)).Count(e => e.Data is EmailVerified);
    }

    [Fact]
    public async Task the_demo_seeker_provider_and_admin_start_with_verified_addresses()
    {
        foreach (var email in DemoAccounts)
        {
            (await EmailStatusOf(api.Host, email, DemoSeedingApiFixture.DemoPassword)).ShouldBe(EmailStatus.Verified, email);
            (await VerificationsOf(email)).ShouldBe(1, email);
        }
    }

    [Fact]
    public async Task a_restart_records_nothing_again_and_an_admin_with_a_real_address_must_verify_it()
    {
        // A second start on the same database, as an operator who gives their own admin address.
        var settings = new Dictionary<string, string?>
        {
            ["Ottobon:Demo:SeedAccounts"] = "true",
            ["Ottobon:Demo:Password"] = DemoSeedingApiFixture.DemoPassword,
        };
        await using var restarted = await ApiFixture.StartHostAsync(api.DatabaseConnectionString, settings);

        foreach (var email in DemoAccounts) (await VerificationsOf(email)).ShouldBe(1, email);
        (await EmailStatusOf(restarted, ApiFixture.AdminEmail, ApiFixture.AdminPassword)).ShouldBe(EmailStatus.Unverified);
        (await EmailStatusOf(restarted, AccountSeeding.DemoSeekerEmail, DemoSeedingApiFixture.DemoPassword)).ShouldBe(EmailStatus.Verified);
    }
}
