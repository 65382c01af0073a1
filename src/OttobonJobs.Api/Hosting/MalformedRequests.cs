using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace OttobonJobs.Api.Hosting;

/// <summary>
/// Refuses malformed requests before any endpoint sees them, with a sentence that names the field and nothing of
/// our types or the parser's wording: NUL characters or invalid UTF-8 in the path or query; and, on every endpoint
/// that reads a JSON body (found from its metadata, so new endpoints are covered too), a body that is not UTF-8 JSON,
/// is <c>null</c>, holds a NUL character, or does not fit the request type (wrong type, unknown enum value,
/// a number out of range). PostgreSQL cannot store NUL in text, and Wolverine's own JSON errors would echo exception text.
/// </summary>
public class MalformedRequests(RequestDelegate next, IOptions<HttpJsonOptions> json, ILogger<MalformedRequests> logger)
{
    /// <summary>Larger JSON bodies are refused before they are parsed; no command of ours comes near it.</summary>
    public const int MaxJsonBodyBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var problem = QueryProblem(context.Request) ?? await BodyProblem(context);
        if (problem is null)
        {
            await next(context);
            return;
        }

        logger.LogInformation("Refused {Method} {Path}: {Problem}", context.Request.Method, context.Request.Path, problem.Value.Detail);
        await ApiProblems.Write(context, problem.Value.Status, problem.Value.Detail);
    }

    private readonly record struct Refusal(int Status, string Detail);

    private static Refusal? QueryProblem(HttpRequest request)
    {
        if (request.Path.Value?.Contains('\0') == true)
            return new(StatusCodes.Status400BadRequest, "The address contains a NUL character.");

        var query = request.QueryString.Value;
        if (string.IsNullOrEmpty(query)) return null;

        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=');
            var rawName = separator < 0 ? pair : pair[..separator];
            var name = Decoded(rawName) is { } decodedName && IsClean(decodedName) ? Encoding.UTF8.GetString(decodedName) : "(unreadable)";
            foreach (var part in separator < 0 ? [rawName] : new[] { rawName, pair[(separator + 1)..] })
            {
                var bytes = Decoded(part);
                if (bytes is null || !Utf8.IsValid(bytes))
                    return new(StatusCodes.Status400BadRequest, $"The query parameter '{name}' is not valid UTF-8 text.");
                if (bytes.Contains((byte)0))
                    return new(StatusCodes.Status400BadRequest, $"The query parameter '{name}' contains a NUL character, which is not allowed.");
            }
        }
        return null;
    }

    private static byte[]? Decoded(string part)
    {
        var raw = Encoding.UTF8.GetBytes(part.Replace('+', ' '));
        return WebUtility.UrlDecodeToBytes(raw, 0, raw.Length);
    }

    private static bool IsClean(byte[] bytes) => Utf8.IsValid(bytes) && !bytes.Contains((byte)0);

    private async Task<Refusal?> BodyProblem(HttpContext context)
    {
        var accepts = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>();
        if (accepts?.RequestType is not { } requestType || !accepts.ContentTypes.Any(type => type.Contains("json"))) return null;
        var request = context.Request;
        // Another content type is the endpoint's to refuse (415).
        if (request.ContentType is { Length: > 0 } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase)) return null;

        if (request.ContentLength > MaxJsonBodyBytes)
            return new(StatusCodes.Status413PayloadTooLarge, "The request body is too large.");
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any()))
            return accepts.IsOptional ? null : new(StatusCodes.Status400BadRequest, "The request needs a JSON body.");

        request.EnableBuffering();
        var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            if (body.Length + read > MaxJsonBodyBytes) return new(StatusCodes.Status413PayloadTooLarge, "The request body is too large.");
            body.Write(buffer, 0, read);
        }
        request.Body.Position = 0;

        var bytes = body.GetBuffer().AsMemory(0, (int)body.Length);
        return Check(bytes, requestType, accepts.IsOptional);
    }

    private Refusal? Check(ReadOnlyMemory<byte> bytes, Type requestType, bool optional)
    {
        if (!Utf8.IsValid(bytes.Span)) return new(StatusCodes.Status400BadRequest, "The request body is not valid UTF-8 text.");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            return new(StatusCodes.Status400BadRequest,
                $"The request body is not valid JSON (line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}).");
        }

        using (document)
        {
            if (document.RootElement.ValueKind == JsonValueKind.Null)
                return optional ? null : new(StatusCodes.Status400BadRequest, "The request body must be a JSON object, not null.");
            if (FieldWithNul(document.RootElement, "") is { } field)
                return new(StatusCodes.Status400BadRequest, $"The field '{field}' contains a NUL character, which is not allowed.");
        }

        try
        {
            if (JsonSerializer.Deserialize(bytes.Span, requestType, json.Value.SerializerOptions) is null && !optional)
                return new(StatusCodes.Status400BadRequest, "The request body must be a JSON object, not null.");
        }
        catch (JsonException e)
        {
            return new(StatusCodes.Status400BadRequest, FieldName(e.Path) is { } name
                ? $"The field '{name}' has a value of the wrong type or out of range. Check it and try again."
                : "The request body does not have the expected shape: send a JSON object with the documented fields.");
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or FormatException or OverflowException)
        {
            return new(StatusCodes.Status400BadRequest, "The request body does not have the expected shape: send a JSON object with the documented fields.");
        }
        return null;
    }

    /// <summary>"$.resources[0].url" becomes "resources[0].url"; the root is no field.</summary>
    private static string? FieldName(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return null;
        var name = path.StartsWith("$.") ? path[2..] : path.TrimStart('$');
        return name.Length == 0 ? null : name;
    }

    private static string? FieldWithNul(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.String when element.GetString()!.Contains('\0') => path.Length == 0 ? "(body)" : path,
        JsonValueKind.Object => element.EnumerateObject()
            .Select(property => property.Name.Contains('\0')
                ? Join(path, property.Name.Replace("\0", ""))
                : FieldWithNul(property.Value, Join(path, property.Name)))
            .FirstOrDefault(found => found is not null),
        JsonValueKind.Array => element.EnumerateArray()
            .Select((item, index) => FieldWithNul(item, $"{path}[{index}]"))
            .FirstOrDefault(found => found is not null),
        _ => null,
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
