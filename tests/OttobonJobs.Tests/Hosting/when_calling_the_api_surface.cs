using System.Net;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Hosting;

public class when_calling_the_api_surface(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task health_says_ok_and_names_the_service()
    {
        var result = await api.Host.Scenario(s => s.Get.Url("/api/health"));
        result.ReadAsText().ShouldBe("""{"status":"ok","service":"jobs.ottobon.cloud"}""");
    }

    [Fact]
    public async Task readiness_is_ok_while_the_database_answers()
    {
        var result = await api.Host.Scenario(s => s.Get.Url("/api/health/ready"));
        result.Json().GetProperty("status").GetString().ShouldBe("ready");
    }

    [Fact]
    public async Task an_unknown_api_path_is_a_json_404_not_the_spa()
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url("/api/no-such-thing");
            s.StatusCodeShouldBe(HttpStatusCode.NotFound);
        });
        result.Context.Response.ContentType.ShouldBe("application/problem+json");
        result.Detail().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task the_openapi_document_describes_the_endpoints_and_the_reference_page_renders()
    {
        var document = await api.Host.Scenario(s => s.Get.Url("/api/openapi/v1.json"));
        var paths = document.Json().GetProperty("paths");
        paths.TryGetProperty("/api/auth/signup", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/users/me", out _).ShouldBeTrue();

        var page = await api.Host.Scenario(s => s.Get.Url("/api/docs/"));
        page.ReadAsText().ShouldContain("<html", Case.Insensitive);
    }

    [Fact]
    public async Task cors_allows_only_the_configured_origins()
    {
        var allowed = await api.Host.Scenario(s =>
        {
            s.Get.Url("/api/health");
            s.WithRequestHeader("Origin", "http://allowed.example");
        });
        allowed.Context.Response.Headers.AccessControlAllowOrigin.ToString().ShouldBe("http://allowed.example");

        var other = await api.Host.Scenario(s =>
        {
            s.Get.Url("/api/health");
            s.WithRequestHeader("Origin", "http://evil.example");
        });
        other.Context.Response.Headers.AccessControlAllowOrigin.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task wrong_methods_get_a_problem_body_too()
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Delete.Url("/api/health");
            s.IgnoreStatusCode();
        });
        result.Context.Response.StatusCode.ShouldBeOneOf(404, 405);
        result.Detail().ShouldNotBeNullOrWhiteSpace();
    }
}
