using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.OpenApi;

/// <summary>
/// The OpenAPI document is the contract the SPA's wire types are generated from, so it must say everything: each
/// operation's typed success body, its problem responses and, where the endpoint needs a token, its security. Each
/// check lists every operation that breaks it. The committed copy (frontend/openapi.json) must equal the live
/// document; <c>OTTOBON_UPDATE_OPENAPI=1</c> rewrites it.
/// </summary>
public class the_openapi_contract_is_complete(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string DocumentPath = "/api/openapi/v1.json";
    private const string UpdateVariable = "OTTOBON_UPDATE_OPENAPI";
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private record Operation(string Method, string Path, JsonElement Body)
    {
        public string Id => Body.TryGetProperty("operationId", out var id) ? id.GetString()! : $"{Method.ToUpperInvariant()} {Path}";
        public override string ToString() => $"{Id} ({Method.ToUpperInvariant()} {Path})";

        public IEnumerable<(string Status, JsonElement Response)> Responses =>
            Body.GetProperty("responses").EnumerateObject().Select(r => (r.Name, r.Value));

        public IEnumerable<(string Status, JsonElement Response)> Problems => Responses.Where(r => !r.Status.StartsWith('2'));
    }

    private async Task<JsonElement> Document() => (await api.Host.Scenario(s => s.Get.Url(DocumentPath))).Json();

    private async Task<List<Operation>> Operations()
    {
        var document = await Document();
        return document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(o => Methods.Contains(o.Name))
                .Select(o => new Operation(o.Name, path.Name, o.Value)))
            .ToList();
    }

    private static void NoneOffend(IEnumerable<string> offenders, string rule)
    {
        var list = offenders.ToList();
        if (list.Count > 0) Assert.Fail($"{list.Count} operation(s) {rule}:\n  " + string.Join("\n  ", list));
    }

    [Fact]
    public async Task every_operation_declares_a_typed_success_body()
    {
        var operations = await Operations();
        operations.Count.ShouldBeGreaterThan(40);

        NoneOffend(operations.Where(o => !o.Responses.Any(r => r.Status.StartsWith('2'))).Select(o => o.ToString()),
            "declare no success response");
        NoneOffend(operations.SelectMany(o => o.Responses.Where(r => r.Status.StartsWith('2'))
                .SelectMany(r => UntypedContent(r.Response).Select(problem => $"{o} {r.Status}: {problem}"))),
            "declare a success body without a named type");
    }

    [Fact]
    public async Task every_operation_declares_its_errors_as_problem_details()
    {
        var operations = await Operations();
        // Liveness reads no input and touches no database: it has no error to declare.
        var errorFree = Endpoints().Where(e => e.Metadata.OfType<WithoutDatabaseAttribute>().Any()).Select(OperationId).ToHashSet();
        errorFree.ShouldBe(["health"]);

        NoneOffend(operations.Where(o => !o.Problems.Any() && !errorFree.Contains(o.Id)).Select(o => o.ToString()), "declare no error response");
        NoneOffend(operations.SelectMany(o => o.Problems
                .Where(p => !IsProblem(p.Response))
                .Select(p => $"{o} {p.Status}")),
            "declare an error response that is not application/problem+json ProblemDetails");
        // A 400 means the request could not be read: only a body, a query value or a header can be unreadable.
        NoneOffend(operations
                .Where(o => o.Problems.Any(p => p.Status == "400") && !o.Body.TryGetProperty("requestBody", out _) && !HasParameterIn(o, "query", "header"))
                .Select(o => o.ToString()),
            "declare a 400 although they read no body, query value or header");
        NoneOffend(operations
                .Where(o => o.Body.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out _))
                .Where(o => !o.Problems.Any(p => p.Status == "422"))
                .Select(o => o.ToString()),
            "read a JSON body but declare no 422 for its validation");
    }

    [Fact]
    public async Task every_operation_that_needs_a_token_declares_the_bearer_scheme_and_its_roles()
    {
        var document = await Document();
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        scheme.GetProperty("type").GetString().ShouldBe("http");
        scheme.GetProperty("scheme").GetString().ShouldBe("bearer");

        var operations = (await Operations()).ToDictionary(o => o.Id);
        var endpoints = Endpoints();
        var secured = endpoints
            .Where(e => e.Metadata.OfType<IAuthorizeData>().Any() && !e.Metadata.OfType<IAllowAnonymous>().Any())
            .Select(e => (Id: OperationId(e),
                Roles: e.Metadata.OfType<IAuthorizeData>().SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList()))
            .ToList();
        secured.Count.ShouldBeGreaterThan(30);

        NoneOffend(secured.Where(e => !operations.ContainsKey(e.Id)).Select(e => e.Id), "need a token but are missing from the document");
        var described = secured.Where(e => operations.ContainsKey(e.Id)).Select(e => (Operation: operations[e.Id], e.Roles)).ToList();
        NoneOffend(described.Where(e => !UsesBearer(e.Operation)).Select(e => e.Operation.ToString()), "need a token but declare no Bearer security");
        NoneOffend(described.Where(e => !e.Operation.Problems.Any(p => p.Status == "401")).Select(e => e.Operation.ToString()), "need a token but declare no 401");
        NoneOffend(described.Where(e => e.Roles.Count > 0 && !e.Operation.Problems.Any(p => p.Status == "403")).Select(e => e.Operation.ToString()),
            "need a role but declare no 403");
        NoneOffend(described
                .Where(e => e.Roles.Any(role => !(e.Operation.Body.TryGetProperty("description", out var text) && text.GetString()!.Contains(role))))
                .Select(e => $"{e.Operation} (roles {string.Join(", ", e.Roles)})"),
            "need a role their description does not name");

        var open = endpoints.Select(OperationId).Except(secured.Select(e => e.Id));
        NoneOffend(open.Where(operations.ContainsKey).Where(id => UsesBearer(operations[id])), "are anonymous but declare Bearer security");
    }

    [Fact]
    public async Task tags_are_names_for_people_and_uploads_and_downloads_say_what_travels()
    {
        var operations = await Operations();
        NoneOffend(operations.Where(o => o.Body.GetProperty("tags").EnumerateArray().Any(t => t.GetString()!.Contains("OttobonJobs"))).Select(o => o.ToString()),
            "are tagged with a .NET type name");

        foreach (var upload in operations.Where(o => o.Id is "uploadResume" or "replaceResume"))
        {
            var form = upload.Body.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
            form.GetProperty("properties").GetProperty("file").GetProperty("format").GetString().ShouldBe("binary");
            form.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldContain("file");
        }

        var download = operations.Single(o => o.Id == "downloadResume").Responses.Single(r => r.Status == "200").Response.GetProperty("content");
        download.TryGetProperty("application/pdf", out var pdf).ShouldBeTrue();
        pdf.GetProperty("schema").GetProperty("format").GetString().ShouldBe("binary");
        download.TryGetProperty("application/json", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task the_committed_frontend_copy_matches_the_live_document()
    {
        var live = Canonical(JsonNode.Parse((await api.Host.Scenario(s => s.Get.Url(DocumentPath))).ReadAsText())!);
        var committed = Path.Combine(RepositoryRoot(), "frontend", "openapi.json");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(committed, live);
            return;
        }

        File.Exists(committed).ShouldBeTrue($"{committed} is missing: run this test with {UpdateVariable}=1 to write it.");
        var saved = Canonical(JsonNode.Parse(await File.ReadAllTextAsync(committed))!);
        if (saved != live)
            Assert.Fail($"frontend/openapi.json is stale: the API's contract changed. Run this test with {UpdateVariable}=1, then " +
                        "`npm run generate:api` in frontend/, and commit both files.\nFirst difference near: " + FirstDifference(saved, live));
    }

    /// <summary>The API's described endpoints, as the running host has them (the truth the document is checked against).</summary>
    private List<Endpoint> Endpoints() => api.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null
                    && !e.Metadata.OfType<IExcludeFromDescriptionMetadata>().Any(m => m.ExcludeFromDescription))
        .ToList();

    private static string OperationId(Endpoint endpoint) => endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName;

    private static IEnumerable<string> UntypedContent(JsonElement response)
    {
        if (!response.TryGetProperty("content", out var content)) yield break; // e.g. 204: no body at all
        foreach (var media in content.EnumerateObject())
        {
            if (!media.Value.TryGetProperty("schema", out var schema)) { yield return $"{media.Name} has no schema"; continue; }
            if (!media.Name.Contains("json"))
            {
                if (!(schema.TryGetProperty("format", out var format) && format.GetString() == "binary")) yield return $"{media.Name} is not a binary file";
                continue;
            }
            if (!IsNamed(schema)) yield return $"{media.Name} schema {schema.GetRawText()}";
        }
    }

    /// <summary>A named component, a list of them, or a plain value — never a bare object or the untyped IResult.</summary>
    private static bool IsNamed(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference)) return !reference.GetString()!.EndsWith("/IResult");
        if (schema.TryGetProperty("items", out var items)) return IsNamed(items);
        return schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() is "string" or "integer" or "number" or "boolean";
    }

    private static bool IsProblem(JsonElement response) =>
        response.TryGetProperty("content", out var content)
        && content.TryGetProperty("application/problem+json", out var problem)
        && problem.GetProperty("schema").TryGetProperty("$ref", out var reference)
        && reference.GetString() == "#/components/schemas/ProblemDetails";

    private static bool HasParameterIn(Operation operation, params string[] places) =>
        operation.Body.TryGetProperty("parameters", out var parameters)
        && parameters.EnumerateArray().Any(p => places.Contains(p.GetProperty("in").GetString()));

    private static bool UsesBearer(Operation operation) =>
        operation.Body.TryGetProperty("security", out var security)
        && security.EnumerateArray().Any(requirement => requirement.TryGetProperty("Bearer", out _));

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Canonical(JsonNode node) => node.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

    private static string FirstDifference(string saved, string live)
    {
        var savedLines = saved.Split('\n');
        var liveLines = live.Split('\n');
        for (var i = 0; i < Math.Min(savedLines.Length, liveLines.Length); i++)
            if (savedLines[i] != liveLines[i]) return $"line {i + 1}: committed `{savedLines[i].Trim()}`, live `{liveLines[i].Trim()}`";
        return $"line {Math.Min(savedLines.Length, liveLines.Length) + 1} (one is longer)";
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "OttobonJobs.sln"))) return directory.FullName;
        throw new InvalidOperationException("The repository root (with OttobonJobs.sln) was not found above " + AppContext.BaseDirectory);
    }
}
