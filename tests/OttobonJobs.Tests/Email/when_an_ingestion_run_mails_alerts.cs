using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using MimeKit;
using netDumbster.smtp;
using OttobonJobs.Domain.Notifications;
using OttobonJobs.Tests.Ingestion;
using OttobonJobs.Tests.SavedSearches;
using OttobonJobs.Tests.Support;
using Wolverine.Tracking;

namespace OttobonJobs.Tests.Email;

/// <summary>The scripted career sites, with mail through the real MailKit adapter to netDumbster on loopback.</summary>
public class ScriptedSitesMailingApiFixture : ApiWithScriptedSites
{
    public SimpleSmtpServer Smtp { get; } = SimpleSmtpServer.Start(ReceivedMail.FreePort());

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Ottobon:Email:SmtpHost"] = "127.0.0.1";
        settings["Ottobon:Email:SmtpPort"] = Smtp.Configuration.Port.ToString();
        settings["Ottobon:Email:SmtpSecurity"] = "None";
        settings["Ottobon:Email:PublicBaseUrl"] = MailingApiFixture.PublicBaseUrl;
        return settings;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Stop();
    }
}

/// <summary>
/// The whole alert path with nothing faked but the career site and the mail server: an admin's ingestion run, the
/// saved-search evaluation, the in-app notification and the SMTP message a mail client would receive.
/// </summary>
public class when_an_ingestion_run_mails_alerts(ScriptedSitesMailingApiFixture api) : IClassFixture<ScriptedSitesMailingApiFixture>
{
    private const int Patience = 120_000;
    private const string AlertSubject = "new jobs for";

    private static string Word() => $"w{Guid.NewGuid():N}"[..10];

    private static object Browse(string name, string q) => new { name, kind = "browse", filters = new { q }, frequency = "instant" };

    /// <summary>A seeker whose address is verified through the link mailed at sign-up (alerts go to verified addresses only).</summary>
    private async Task<SignedIn> VerifiedSeeker()
    {
        var seeker = await api.Host.SignedUpSeeker();
        var verification = await MailsTo(seeker.Email, "Verify", expected: 1);
        await api.Host.Scenario(s =>
        {
            s.Post.Json(new { token = verification[0].TokenOfLink("/verify-email") }).ToUrl("/api/auth/verify-email");
            s.StatusCodeShouldBe(HttpStatusCode.OK);
        });
        return seeker;
    }

    /// <summary>The messages to <paramref name="address"/> whose subject contains <paramref name="subjectPart"/>, once <paramref name="expected"/> arrived (the queue delivers them in the background).</summary>
    private async Task<IReadOnlyList<MimeMessage>> MailsTo(string address, string subjectPart, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var mails = api.Smtp.To(address).Where(m => (m.Subject ?? "").Contains(subjectPart, StringComparison.OrdinalIgnoreCase)).ToList();
            if (mails.Count >= expected || DateTime.UtcNow > deadline) return mails;
            await Task.Delay(200);
        }
    }

    private async Task<List<JsonElement>> NotificationsOf(SignedIn user)
    {
        var page = await api.Host.Scenario(s => { s.Get.Url("/api/notifications"); s.As(user); });
        return page.Json().GetProperty("items").EnumerateArray().ToList();
    }

    [Fact]
    public async Task each_matching_search_gets_one_notification_and_one_email_with_its_own_unsubscribe_link_and_a_search_matching_nothing_gets_neither()
    {
        var word = Word();
        var (seeker, other) = (await VerifiedSeeker(), await VerifiedSeeker());
        var associateSearch = await api.Host.SavedSearch(seeker, Browse($"Associate {word}", $"Associate {word}"));
        var wordSearch = await api.Host.SavedSearch(seeker, Browse($"All {word}", word));
        var idleSearch = await api.Host.SavedSearch(seeker, Browse("Nothing like it", Word()));
        var othersSearch = await api.Host.SavedSearch(other, Browse($"Theirs {word}", word));

        // One run: two associate jobs and a tax job carry the word (in their titles; "Associate" is in no description);
        // one posting carries nothing anybody searched for.
        var postings = new[] { $"{word}-a1", $"{word}-a2", $"{word}-t1", Word() };
        api.Alpha.Lists(
            ScriptedScraper.Posting(postings[0], "Audit Associate"), ScriptedScraper.Posting(postings[1], "Audit Associate"),
            ScriptedScraper.Posting(postings[2], "Tax Analyst"), ScriptedScraper.Posting(postings[3], "Audit Associate"));
        await api.Host.IngestedAsync(await api.Host.SignedInAdmin(), "alpha");

        var expected = new Dictionary<Guid, (SignedIn Owner, string Name, int Jobs)>
        {
            [associateSearch] = (seeker, $"Associate {word}", 2),
            [wordSearch] = (seeker, $"All {word}", 3),
            [othersSearch] = (other, $"Theirs {word}", 3),
        };

        // One in-app notification per matching search, none for the search that matched nothing.
        var notifications = (await NotificationsOf(seeker)).Concat(await NotificationsOf(other))
            .Where(n => n.GetProperty("kind").GetString() == NotificationKinds.NewMatchingJobs).ToList();
        notifications.Select(n => n.GetProperty("link").GetString()).Order()
            .ShouldBe(expected.Keys.Select(id => $"/saved-searches/{id}").Order());
        notifications.ShouldNotContain(n => n.GetProperty("link").GetString()!.Contains(idleSearch.ToString()));

        // One email per matching search: the seeker with two gets two, each naming its own search and its own jobs.
        var seekersMail = await MailsTo(seeker.Email, AlertSubject, expected: 2);
        var othersMail = await MailsTo(other.Email, AlertSubject, expected: 1);
        seekersMail.Count.ShouldBe(2);
        othersMail.Count.ShouldBe(1);
        seekersMail.Concat(othersMail).ShouldNotContain(m => m.Subject!.Contains("Nothing like it"));

        foreach (var mail in seekersMail.Concat(othersMail))
        {
            var (id, (owner, name, jobs)) = expected.Single(e => mail.Subject == $"{e.Value.Jobs} new jobs for \"{e.Value.Name}\"");
            mail.To.Mailboxes.Single().Address.ShouldBe(owner.Email);
            Regex.Count(mail.TextBody!, $@"{Regex.Escape(MailingApiFixture.PublicBaseUrl)}/jobs/[0-9a-f-]{{36}}").ShouldBe(jobs);

            // RFC 8058: the header's URL is the one-click endpoint, with the same signed token as the body's link.
            mail.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
            var header = mail.Headers["List-Unsubscribe"];
            header.ShouldStartWith($"<{MailingApiFixture.PublicBaseUrl}/api/email/unsubscribe?token=");
            var headerToken = Uri.UnescapeDataString(header.Trim('<', '>').Split("?token=")[1]);
            headerToken.ShouldBe(mail.TokenOfLink("/unsubscribe"));

            // Following it turns off exactly this search's alerts.
            var unsubscribed = await api.Host.Scenario(s =>
            {
                s.Post.FormData(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }).ToUrl("/api/email/unsubscribe")
                    .QueryString("token", headerToken);
                s.StatusCodeShouldBe(HttpStatusCode.OK);
            });
            unsubscribed.Json().GetProperty("saved_search_id").GetGuid().ShouldBe(id, name);
        }
    }
}
