using System.Net;
using System.Text;
using System.Text.Json;
using Alba;
using OttobonJobs.Tests.Support;
using Xunit.Abstractions;

namespace OttobonJobs.Tests.Hardening;

/// <summary>
/// Every endpoint that reads a JSON body, taken from the OpenAPI document (so a new endpoint is covered without
/// touching this test), is sent null bodies, wrong types, out-of-range numbers, unknown enum values and NUL characters.
/// Each must be a 4xx problem with a detail, and no answer may show our type names, .NET's, or exception text.
/// </summary>
public class when_requests_are_malformed(ApiFixture api, ITestOutputHelper output) : IClassFixture<ApiFixture>
{
    private static readonly string[] Leaks = ["OttobonJobs.", "System.", "Exception", "LineNumber", "   at "];

    private sealed record JsonEndpoint(string Method, string Path, IReadOnlyDictionary<string, JsonElement> Properties);

    private async Task<List<JsonEndpoint>> JsonEndpoints()
    {
        var document = (await api.Host.Scenario(s => s.Get.Url("/api/openapi/v1.json"))).Json();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var endpoints = new List<JsonEndpoint>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            if (!operation.Value.TryGetProperty("requestBody", out var body) ||
                !body.GetProperty("content").TryGetProperty("application/json", out var json)) continue;

            var schema = json.GetProperty("schema");
            if (schema.TryGetProperty("$ref", out var reference)) schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
            var properties = schema.TryGetProperty("properties", out var found)
                ? found.EnumerateObject().ToDictionary(p => p.Name, p => p.Value)
                : new Dictionary<string, JsonElement>();

            var url = System.Text.RegularExpressions.Regex.Replace(path.Name, "{[^}]+}", Guid.NewGuid().ToString());
            endpoints.Add(new JsonEndpoint(operation.Name.ToUpperInvariant(), url, properties));
        }
        return endpoints;
    }

    private Task<(int Status, string Body)> Send(SignedIn user, string method, string url, string body) =>
        Send(user, method, url, Encoding.UTF8.GetBytes(body));

    private async Task<(int Status, string Body)> Send(SignedIn user, string method, string url, byte[] body)
    {
        var result = await api.Host.Scenario(s =>
        {
            s.As(user);
            s.ConfigureHttpContext(context =>
            {
                context.Request.Method = method;
                context.Request.Path = url;
                context.Request.ContentType = "application/json";
                context.Request.Body = new MemoryStream(body);
                context.Request.ContentLength = body.Length;
            });
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, result.ReadAsText());
    }

    private static void ShouldBeACleanRefusal(int status, string body, string what)
    {
        status.ShouldBeInRange(400, 499, $"{what}: {body}");
        using var problem = JsonDocument.Parse(body);
        problem.RootElement.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace(what);
        foreach (var leak in Leaks) body.ShouldNotContain(leak, Case.Sensitive, $"{what}: {body}");
    }

    [Fact]
    public async Task every_json_endpoint_refuses_null_wrong_types_and_nul_characters_with_a_clean_problem()
    {
        var admin = await api.Host.SignedInAdmin();
        var endpoints = await JsonEndpoints();
        endpoints.Count.ShouldBeGreaterThanOrEqualTo(8);
        endpoints.ShouldContain(e => e.Method == "POST" && e.Path == "/api/jobs");
        var tried = new Dictionary<string, (int Tried, int Refused)>();
        void Count(string category, bool refused)
        {
            var (t, r) = tried.GetValueOrDefault(category);
            tried[category] = (t + 1, r + (refused ? 1 : 0));
        }

        foreach (var endpoint in endpoints)
        {
            var where = $"{endpoint.Method} {endpoint.Path}";
            foreach (var (category, body) in new (string, byte[])[] { ("null body", "null"u8.ToArray()), ("string body", "\"text\""u8.ToArray()), ("array body", "[1,2]"u8.ToArray()), ("broken JSON", "{\"a\":"u8.ToArray()), ("invalid UTF-8", [.. "{\"a\":\""u8, 0xFF, 0xFE, .. "\"}"u8]) })
            {
                var (status, text) = await Send(admin, endpoint.Method, endpoint.Path, body);
                ShouldBeACleanRefusal(status, text, $"{where} with {category}");
                Count(category, true);
            }

            foreach (var (name, property) in endpoint.Properties)
            {
                var (status, text) = await Send(admin, endpoint.Method, endpoint.Path, $"{{\"{name}\":\"a\\u0000b\"}}");
                ShouldBeACleanRefusal(status, text, $"{where} with NUL in {name}");
                status.ShouldBe(400);
                JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()!.ShouldContain(name);
                Count("NUL in a field", true);

                var wrong = Types(property).Contains("object") ? "[[1]]" : "{\"unexpected\":[1]}";
                (status, text) = await Send(admin, endpoint.Method, endpoint.Path, $"{{\"{name}\":{wrong}}}");
                ShouldBeACleanRefusal(status, text, $"{where} with a wrong type for {name}");
                Count("wrong type", true);

                if (Types(property).Overlaps(["integer", "number"]))
                {
                    (status, text) = await Send(admin, endpoint.Method, endpoint.Path, $"{{\"{name}\":1e400}}");
                    ShouldBeACleanRefusal(status, text, $"{where} with an absurd number for {name}");
                    Count("absurd number", true);
                }
                if (property.TryGetProperty("enum", out _))
                {
                    (status, text) = await Send(admin, endpoint.Method, endpoint.Path, $"{{\"{name}\":\"no_such_value\"}}");
                    ShouldBeACleanRefusal(status, text, $"{where} with an unknown value for {name}");
                    Count("unknown enum value", true);
                }
            }
        }

        foreach (var (category, (t, r)) in tried) output.WriteLine($"{category}: tried {t}, refused correctly {r}");
        output.WriteLine($"endpoints: {endpoints.Count}");
    }

    private static HashSet<string> Types(JsonElement property)
    {
        var types = new HashSet<string>();
        if (property.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.String) types.Add(type.GetString()!);
            else foreach (var t in type.EnumerateArray()) types.Add(t.GetString()!);
        }
        if (property.TryGetProperty("$ref", out _)) types.Add("object");
        return types;
    }

    [Fact]
    public async Task a_null_body_names_the_problem_instead_of_crashing()
    {
        var admin = await api.Host.SignedInAdmin();

        var (status, body) = await Send(admin, "POST", "/api/jobs", "null");

        status.ShouldBe(400);
        JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString().ShouldBe("The request body must be a JSON object, not null.");
    }

    [Fact]
    public async Task a_wrong_type_names_the_field_and_not_our_types()
    {
        var admin = await api.Host.SignedInAdmin();

        var (status, body) = await Send(admin, "POST", "/api/jobs", """{"title": 42}""");

        status.ShouldBe(400);
        var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
        detail.ShouldContain("'title'");
        body.ShouldNotContain("PostJob");
    }

    [Fact]
    public async Task the_frameworks_own_refusals_carry_a_detail_too()
    {
        var admin = await api.Host.SignedInAdmin();
        var wrongContentType = await api.Host.Scenario(s =>
        {
            s.As(admin);
            s.Post.Text("title=Accountant").ToUrl("/api/jobs");
            s.IgnoreStatusCode();
        });
        // Wolverine matches endpoints by content type too, so no endpoint matches (404) rather than 415.
        wrongContentType.Context.Response.StatusCode.ShouldBeOneOf(404, 415);
        wrongContentType.Detail().ShouldNotBeNullOrWhiteSpace();

        var wrongMethod = await api.Host.Scenario(s =>
        {
            s.Put.Json(new { }).ToUrl("/api/health");
            s.IgnoreStatusCode();
        });
        wrongMethod.Context.Response.StatusCode.ShouldBeInRange(404, 405);
        wrongMethod.Detail().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task a_null_learning_resource_is_refused() =>
        ShouldBeACleanRefusal(
            (await Send(await api.Host.SignedInAdmin(), "PUT", "/api/admin/learning-resources", """{"skill":"SQL","resources":[null]}""")) is var (status, body) ? status : 0,
            body, "null resource");

    [Theory]
    [InlineData("/api/jobs/feed?q=a%00b")]
    [InlineData("/api/jobs/search?q=a%00b")]
    public async Task a_nul_in_the_query_is_400(string url)
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        result.Detail().ShouldContain("'q'");
    }

    [Theory]
    [InlineData("/api/jobs/feed?limit=99999999999999999999")]
    [InlineData("/api/jobs/feed?limit=1e400")]
    [InlineData("/api/jobs/search?q=x&limit=-99999999999")]
    public async Task absurd_numbers_in_the_query_are_a_clean_400(string url)
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.IgnoreStatusCode();
        });
        ShouldBeACleanRefusal(result.Context.Response.StatusCode, result.ReadAsText(), url);
    }

    [Theory]
    [InlineData("/api/jobs/not-a-guid/details")]
    [InlineData("/api/admin/jobs/not-a-guid/history")]
    public async Task a_route_id_that_is_not_an_id_is_404_with_a_detail(string url)
    {
        var admin = await api.Host.SignedInAdmin();
        var result = await api.Host.Scenario(s =>
        {
            s.As(admin);
            s.Get.Url(url);
            s.StatusCodeShouldBe(HttpStatusCode.NotFound);
        });
        result.Detail().ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("9223372036854775807")]
    [InlineData("-5")]
    public async Task an_absurd_expiry_on_a_file_link_is_refused_cleanly(string expires)
    {
        var result = await api.Host.Scenario(s =>
        {
            s.Get.Url($"/api/files/resumes/{Guid.NewGuid()}/abc?expires={expires}&signature=00");
            s.IgnoreStatusCode();
        });
        result.Context.Response.StatusCode.ShouldBeInRange(400, 499);
        result.Detail().ShouldNotBeNullOrWhiteSpace();
        result.ReadAsText().ShouldNotContain("System.");
    }
}
