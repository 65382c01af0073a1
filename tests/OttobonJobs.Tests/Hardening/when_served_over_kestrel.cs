using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Hardening;

/// <summary>The real API on Kestrel (as Program runs it), serving a built SPA, with a tight search limit.</summary>
public sealed class KestrelApi : IAsyncLifetime
{
    public const int SearchesPerMinute = 5;

    private TestDatabase _database = null!;
    public SocketApi Api { get; private set; } = null!;
    public string SpaFolder { get; } = Directory.CreateTempSubdirectory("ottobon-spa-").FullName;

    public async Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(SpaFolder, "index.html"),
            """<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root">ottobon-spa</div></body></html>""");
        Directory.CreateDirectory(Path.Combine(SpaFolder, "assets"));
        File.WriteAllText(Path.Combine(SpaFolder, "assets", "app.js"), "console.log('ottobon');");

        _database = await TestDatabase.CreateAsync();
        Api = await SocketApi.Start(_database.ConnectionString, new Dictionary<string, string?>
        {
            ["Ottobon:SpaPath"] = SpaFolder,
            ["Ottobon:RateLimits:SearchRequestsPerMinute"] = SearchesPerMinute.ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        await ApiFixture.StopQuietly(Api);
        await _database.DisposeAsync();
    }
}

public class when_served_over_kestrel(KestrelApi kestrel) : IClassFixture<KestrelApi>
{
    private SocketApi Api => kestrel.Api;

    private static void ShouldHaveSecurityHeaders(HttpResponseMessage response, string what)
    {
        response.Headers.Contains("Server").ShouldBeFalse(what);
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff", what);
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin", what);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'", Case.Sensitive, what);
        csp.ShouldContain("script-src 'self'", Case.Sensitive, what);
        csp.ShouldContain("connect-src 'self'", Case.Sensitive, what);
        csp.ShouldContain("object-src 'none'", Case.Sensitive, what);
        csp.ShouldNotContain("unsafe-inline", Case.Sensitive, what);
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY", what);
        response.Headers.GetValues("Cross-Origin-Opener-Policy").Single().ShouldBe("same-origin", what);
        // HSTS only over HTTPS: a plain-HTTP answer must not claim it.
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse(what);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/jobs/123/details")]
    [InlineData("/assets/app.js")]
    [InlineData("/api/health")]
    [InlineData("/api/jobs/feed")]
    [InlineData("/api/no-such-endpoint")]
    public async Task every_answer_carries_the_browser_security_headers_and_no_server_header(string path)
    {
        using var response = await Api.Http.GetAsync(path);
        ShouldHaveSecurityHeaders(response, path);
    }

    [Fact]
    public async Task hsts_is_sent_when_a_trusted_proxy_says_the_client_used_https()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.Add("X-Forwarded-Proto", "https");
        // HSTS is never sent to localhost, so the proxy names the public host too.
        request.Headers.Add("X-Forwarded-Host", "jobs.ottobon.cloud");

        using var response = await Api.Http.SendAsync(request);

        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=");
    }

    [Fact]
    public async Task the_api_reference_page_alone_may_run_its_inline_bootstrap_script()
    {
        using var response = await Api.Http.GetAsync("/api/docs");

        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self' 'unsafe-inline'");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
    }

    [Fact]
    public async Task the_spa_index_has_no_inline_script_for_the_policy_to_block()
    {
        var html = await Api.Http.GetStringAsync("/");
        html.ShouldContain("ottobon-spa");
        System.Text.RegularExpressions.Regex.IsMatch(html, @"<script(?![^>]*\bsrc=)[^>]*>").ShouldBeFalse();
    }

    [Fact]
    public async Task a_downloaded_resume_is_an_attachment_with_its_real_type_and_nosniff()
    {
        var seeker = await Api.SignUp("seeker");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(ResumeFiles.OnePagePdf());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        form.Add(file, "file", "resume.pdf");
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/users/resume") { Content = form };
        upload.Headers.Authorization = new("Bearer", seeker.Token);
        (await Api.Http.SendAsync(upload)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var resume = await Api.Json(HttpMethod.Get, "/api/users/me/resume", seeker);
        using var download = await Api.Http.GetAsync(resume.GetProperty("download_url").GetString());

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        ShouldHaveSecurityHeaders(download, "download");
    }

    [Theory]
    [InlineData("/api/jobs/search?q=%FF%FE")]
    [InlineData("/api/jobs/feed?q=caf%C3")]
    [InlineData("/api/jobs/feed?q=a%00b")]
    public async Task invalid_utf8_or_nul_in_the_raw_query_is_400_naming_the_parameter(string url)
    {
        using var response = await Api.Http.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("'q'");
    }

    [Fact]
    public async Task a_burst_of_searches_from_one_client_gets_429_with_retry_after_while_another_client_is_served()
    {
        async Task<HttpResponseMessage> Search(string client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/jobs/search?q=accountant");
            // Behind a trusted (here: loopback) proxy the client is the one X-Forwarded-For names.
            request.Headers.Add("X-Forwarded-For", client);
            return await Api.Http.SendAsync(request);
        }

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < KestrelApi.SearchesPerMinute + 3; i++)
        {
            var response = await Search("203.0.113.7");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited ??= response;
        }

        statuses.Take(KestrelApi.SearchesPerMinute).ShouldAllBe(status => status == HttpStatusCode.OK);
        statuses.Skip(KestrelApi.SearchesPerMinute).ShouldAllBe(status => status == HttpStatusCode.TooManyRequests);
        limited!.Headers.RetryAfter.ShouldNotBeNull();
        (await limited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();

        (await Search("198.51.100.9")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
