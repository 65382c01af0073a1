using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using JasperFx.CodeGeneration.Frames;
using Microsoft.OpenApi;
using Wolverine.Http;

namespace OttobonJobs.Api.Hosting;

/// <summary>
/// Problem statuses an endpoint returns beyond those <see cref="OpenApiContract"/> derives from its metadata
/// (e.g. a 422 when the caller has no resume yet, a 404 for a missing resource that is not in the route).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProducesProblemsAttribute(params int[] statuses) : Attribute
{
    public IReadOnlyList<int> Statuses { get; } = statuses;
}

/// <summary>The endpoint reads <c>If-Match</c> (<see cref="StreamVersions"/>): 412 when stale, 400 when malformed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AcceptsIfMatchAttribute : Attribute;

/// <summary>The endpoint reads a multipart/form-data body with one file in <see cref="Field"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AcceptsFileUploadAttribute(string field, string description) : Attribute
{
    public string Field { get; } = field;
    public string Description { get; } = description;
}

/// <summary>
/// The endpoint reads the query value <see cref="Name"/> itself (from <c>HttpRequest.Query</c>), e.g. because binding
/// it would make Wolverine expect a JSON body where mail clients post a form; the contract still declares it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadsQueryAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;
    public string Description { get; } = description;
}

/// <summary>The endpoint answers without the database (liveness), so it never returns 503.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WithoutDatabaseAttribute : Attribute;

/// <summary>
/// Makes the OpenAPI document say what the API really does, derived once from each endpoint's metadata rather than
/// repeated on every endpoint: the Bearer scheme on every operation that needs a token (with the roles in its
/// description), 401/403 for it, 429 where a rate limit applies, 400/413/415/422 for a JSON body, 400 for query
/// values, 404 for route ids, 409 for writes, 412 for If-Match, 503 when the database is down, each as
/// application/problem+json; human tag names; and none of the generic answers Wolverine guesses (an untyped 404,
/// a 400 for its <c>Validate</c> methods, which answer 422, and a 200 "IResult" body).
/// </summary>
public static class OpenApiContract
{
    public const string BearerScheme = "Bearer";
    private const string ProblemContentType = "application/problem+json";
    private const string ProblemSchema = "ProblemDetails";
    private const string UntypedResult = "IResult";

    /// <summary>Feature folder → tag for its public operations and for its admin ones (under /api/admin).</summary>
    private static readonly Dictionary<string, (string Public, string Admin)> Tags = new()
    {
        ["Access"] = ("Account", "Account"),
        ["Identity"] = ("Account", "Admin: users"),
        ["Jobs"] = ("Jobs", "Admin: jobs"),
        ["Matching"] = ("Matching", "Admin: learning resources"),
        ["Resumes"] = ("Resumes", "Resumes"),
        ["Chat"] = ("Coaching chat", "Admin: control tower"),
        ["Applicants"] = ("Applicants", "Applicants"),
        ["Applications"] = ("Applications", "Applications"),
        ["Notifications"] = ("Notifications", "Notifications"),
        ["Tailoring"] = ("Tailoring", "Tailoring"),
        ["History"] = ("Admin: history", "Admin: history"),
        ["Ingestion"] = ("Admin: ingestion", "Admin: ingestion"),
        ["Embeddings"] = ("Admin: embeddings", "Admin: embeddings"),
        ["SavedSearches"] = ("Saved searches", "Saved searches"),
        ["Hosting"] = ("Health", "Health"),
        ["Email"] = ("Email", "Email"),
    };

    private static readonly Dictionary<int, string> ProblemMeaning = new()
    {
        [StatusCodes.Status400BadRequest] = "The request could not be read (malformed JSON, query value or header).",
        [StatusCodes.Status401Unauthorized] = "No valid access token: sign in (or refresh) and try again.",
        [StatusCodes.Status403Forbidden] = "The caller's role or ownership does not allow this.",
        [StatusCodes.Status404NotFound] = "Not found: no such id, or nothing there yet (the detail says which).",
        [StatusCodes.Status409Conflict] = "Someone else changed the same thing at the same moment, or the state does not allow it.",
        [StatusCodes.Status412PreconditionFailed] = "If-Match names an older version: reload and try again.",
        [StatusCodes.Status413PayloadTooLarge] = "The request body is too large.",
        [StatusCodes.Status415UnsupportedMediaType] = "The body is not of the accepted content type.",
        [StatusCodes.Status422UnprocessableEntity] = "The request was read but breaks a rule; the detail names it.",
        [StatusCodes.Status429TooManyRequests] = "Too many requests: wait (see Retry-After) and try again.",
        [StatusCodes.Status503ServiceUnavailable] = "The database cannot be reached right now: retry shortly (see Retry-After).",
    };

    public static OpenApiOptions AddOttobonContract(this OpenApiOptions options)
    {
        options.AddOttobonLimits();
        options.AddSchemaTransformer((schema, context, _) =>
        {
            // A string with [AllowedValues] (a status, a role) is one of those values: an enum for clients.
            if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.AllowedValuesAttribute), false)
                    .FirstOrDefault() is System.ComponentModel.DataAnnotations.AllowedValuesAttribute allowed)
                schema.Enum = allowed.Values.Select(value => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(value?.ToString())!).ToList();
            // Numbers are read leniently ("5" too, the web default) but always written as numbers: say number.
            if (schema.Type is { } type && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)) && type.HasFlag(JsonSchemaType.String))
            {
                schema.Type = type & ~JsonSchemaType.String;
                schema.Pattern = null;
            }
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(TransformOperation);
        options.AddDocumentTransformer(TransformDocument);
        return options;
    }

    private static async Task TransformOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var document = context.Document!;
        var path = "/" + description.RelativePath;

        // Wolverine fills both with a name made of the route (GET_api_jobs_feed): it says nothing the path does not.
        if (IsRouteName(operation.Summary)) operation.Summary = null;
        if (IsRouteName(operation.Description)) operation.Description = null;

        var roles = Roles(metadata);
        var statuses = new SortedSet<int>(metadata.OfType<ProducesProblemsAttribute>().SelectMany(a => a.Statuses));
        // Problems declared by hand with [ProducesResponseType<ProblemDetails>] stay declared.
        foreach (var declared in metadata.OfType<ProducesResponseTypeAttribute>().Where(a => a.StatusCode >= 400)) statuses.Add(declared.StatusCode);

        if (roles is not null)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
            operation.Description = Sentence(operation.Description,
                roles.Count == 0 ? "Requires a signed-in user (any role)." : $"Requires the role{(roles.Count > 1 ? "s" : "")}: {string.Join(" or ", roles)}.");
            statuses.Add(StatusCodes.Status401Unauthorized);
            if (roles.Count > 0) statuses.Add(StatusCodes.Status403Forbidden);
        }

        if (metadata.OfType<IAcceptsMetadata>().Any(a => a.RequestType is not null && a.ContentTypes.Any(t => t.Contains("json"))))
            statuses.UnionWith([StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status422UnprocessableEntity]);
        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Query)) statuses.Add(StatusCodes.Status400BadRequest);
        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path)) statuses.Add(StatusCodes.Status404NotFound);
        if (ValidatesInput(description.ActionDescriptor)) statuses.Add(StatusCodes.Status422UnprocessableEntity);
        // Any write can meet a concurrent one on the same stream (WriteConflicts turns it into a 409).
        if (!HttpMethods.IsGet(description.HttpMethod ?? "")) statuses.Add(StatusCodes.Status409Conflict);
        if (metadata.OfType<AcceptsIfMatchAttribute>().Any())
        {
            statuses.UnionWith([StatusCodes.Status400BadRequest, StatusCodes.Status412PreconditionFailed]);
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Description = "The ETag of the version the caller saw (e.g. \"3\"); a stale one is refused with 412. Without it the edit applies to the latest version.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
        foreach (var query in metadata.OfType<ReadsQueryAttribute>())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = query.Name, In = ParameterLocation.Query, Required = true, Description = query.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
        if (metadata.OfType<EnableRateLimitingAttribute>().Any() || path == RequestLimits.SearchPath) statuses.Add(StatusCodes.Status429TooManyRequests);
        if (!metadata.OfType<WithoutDatabaseAttribute>().Any()) statuses.Add(StatusCodes.Status503ServiceUnavailable);

        if (metadata.OfType<AcceptsFileUploadAttribute>().FirstOrDefault() is { } upload)
            operation.RequestBody = FileUploadBody(upload, context.ApplicationServices);

        await EnsureProblemSchema(context, cancellationToken);
        var responses = operation.Responses ?? new OpenApiResponses();
        var successes = responses
            .Where(r => r.Key.StartsWith('2') && !IsUntyped(r.Value))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        responses.Clear();
        foreach (var (status, response) in successes) responses[status] = response;
        DescribeFiles(responses);
        foreach (var status in statuses)
            responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = ProblemMeaning.GetValueOrDefault(status, ReasonPhrases.GetReasonPhrase(status)),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemContentType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
                },
            };
        operation.Responses = responses;

        operation.Tags = new HashSet<OpenApiTagReference> { new(TagFor(description.ActionDescriptor, path), document) };
    }

    private static Task TransformDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Ottobon Jobs API";
        document.Info.Description = "Jobs, ingestion, resumes, matching and coaching chat for early-career job seekers.";

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "The access_token from POST /api/auth/login, /api/auth/signup or /api/auth/refresh.",
        };
        // Served from wherever the API runs; the request's own host would make the document differ per caller.
        document.Servers = [];
        RequiredAndOptionalFields(document);
        document.Components.Schemas?.Remove(UntypedResult);
        document.Components.Schemas?.Remove(nameof(Stream));

        var used = document.Paths.Values
            .SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name!)
            .Distinct()
            .Order(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag { Name = name }));
        return Task.CompletedTask;
    }

    /// <summary>
    /// A request record's nullable fields may be left out (they bind as null), so they are not "required" in a request
    /// body's schema; a response always carries every property, null or not (nothing is ignored when written), so all
    /// of them are required there, whatever their C# defaults.
    /// </summary>
    private static void RequiredAndOptionalFields(OpenApiDocument document)
    {
        var requestSchemas = document.Paths.Values
            .SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.RequestBody?.Content?.Values.AsEnumerable() ?? [])
            .Select(c => c.Schema)
            .OfType<OpenApiSchemaReference>()
            .Select(r => r.Reference.Id)
            .ToHashSet();
        foreach (var (id, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
            if (!requestSchemas.Contains(id) && id != ProblemSchema && schema is OpenApiSchema { Properties.Count: > 0 } response)
                response.Required = new HashSet<string>(response.Properties.Keys);
        foreach (var id in requestSchemas)
        {
            if (id is null || document.Components?.Schemas is not { } schemas || !schemas.TryGetValue(id, out var schema)
                || schema is not OpenApiSchema { Required: { } required, Properties: { } properties }) continue;
            foreach (var (name, property) in properties)
                if (property.Type?.HasFlag(JsonSchemaType.Null) == true) required.Remove(name);
        }
    }

    /// <summary>Null for an anonymous endpoint; the roles (empty: any signed-in user) when it needs a token.</summary>
    public static IReadOnlyList<string>? Roles(IEnumerable<object> metadata)
    {
        var items = metadata.ToList();
        var authorize = items.OfType<IAuthorizeData>().ToList();
        if (authorize.Count == 0 || items.OfType<IAllowAnonymous>().Any()) return null;
        return authorize
            .SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// A <c>Validate</c> method that checks the request's values answers with <see cref="ApiProblems.Validation"/> (422);
    /// one that reads only the request itself checks its headers (If-Match, declared by <see cref="AcceptsIfMatchAttribute"/>).
    /// </summary>
    private static bool ValidatesInput(Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor action) =>
        action is WolverineActionDescriptor { Chain: var chain }
        && chain.Middleware.OfType<MethodCall>().Any(call =>
            call.Method.Name is "Validate" or "ValidateAsync"
            && call.Method.GetParameters().Any(p => p.ParameterType != typeof(HttpRequest)));

    /// <summary>A file's body is its bytes, not JSON: a binary string in each of its content types.</summary>
    private static void DescribeFiles(OpenApiResponses responses)
    {
        foreach (var media in responses.Values.SelectMany(r => r.Content ?? new Dictionary<string, OpenApiMediaType>())
                     .Where(c => !c.Key.Contains("json")))
            media.Value.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
    }

    private static bool IsUntyped(IOpenApiResponse response) =>
        response.Content?.Values.Any(c => c.Schema is OpenApiSchemaReference { Reference.Id: UntypedResult }) == true;

    private static async Task EnsureProblemSchema(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(ProblemSchema) == true) return;
        var schema = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        document.AddComponent(ProblemSchema, schema);
    }

    private static OpenApiRequestBody FileUploadBody(AcceptsFileUploadAttribute upload, IServiceProvider services)
    {
        var maxBytes = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Resumes.ResumeSettings>>().Value.MaxBytes;
        var file = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Format = "binary",
            Description = upload.Description,
        };
        // The size limit the server enforces (its setting), for clients to check before sending.
        ApiLimits.MaxBytes(file, maxBytes);
        return new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { upload.Field },
                        Properties = new Dictionary<string, IOpenApiSchema> { [upload.Field] = file },
                    },
                },
            },
        };
    }

    private static string TagFor(Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor action, string path)
    {
        var type = (action as Microsoft.AspNetCore.Mvc.Controllers.ControllerActionDescriptor)?.ControllerTypeInfo;
        var segments = (type?.Namespace ?? "").Split('.');
        var feature = segments.Length > 2 ? segments[2] : "";
        if (!Tags.TryGetValue(feature, out var names))
            throw new InvalidOperationException($"No OpenAPI tag for the feature folder '{feature}' ({type?.Name}): add it to OpenApiContract.Tags.");
        return path.StartsWith("/api/admin", StringComparison.Ordinal) ? names.Admin : names.Public;
    }

    private static bool IsRouteName(string? text) =>
        text is not null && System.Text.RegularExpressions.Regex.IsMatch(text, "^[A-Z]+_[A-Za-z0-9_]*$");

    private static string Sentence(string? existing, string sentence) =>
        string.IsNullOrWhiteSpace(existing) ? sentence : $"{existing.TrimEnd()}\n\n{sentence}";
}
