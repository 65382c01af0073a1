using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OttobonJobs.Api.Hosting;

/// <summary>The most characters each item of a list may have (maxLength of the list's items in the OpenAPI schema).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ItemMaxLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}

/// <summary>The most UTF-8 bytes a text may have (<see cref="ApiLimits.MaxBytesExtension"/> in the OpenAPI schema).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MaxUtf8BytesAttribute(int bytes) : Attribute
{
    public int Bytes { get; } = bytes;
}

/// <summary>
/// How the server's validation limits reach clients from one place: the request records carry them as attributes
/// built from the same constants the checks use (JobRules, ProfileRules, ChatRules), so the OpenAPI schema says
/// minLength/maxLength/maxItems, and what JSON Schema cannot say (a list item's length, a byte size) goes in
/// <c>items.maxLength</c> and <see cref="MaxBytesExtension"/>. The SPA reads them from the committed document
/// (frontend/src/lib/api-limits.ts). The attributes only describe: the checks stay in the rules.
/// </summary>
public static class ApiLimits
{
    public const string MaxBytesExtension = "x-max-bytes";

    public static OpenApiOptions AddOttobonLimits(this OpenApiOptions options) => options.AddSchemaTransformer((schema, context, _) =>
    {
        var attributes = context.JsonPropertyInfo?.AttributeProvider;
        if (attributes is null) return Task.CompletedTask;

        if (attributes.GetCustomAttributes(typeof(ItemMaxLengthAttribute), false).FirstOrDefault() is ItemMaxLengthAttribute item)
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = item.Length };
        if (attributes.GetCustomAttributes(typeof(MaxUtf8BytesAttribute), false).FirstOrDefault() is MaxUtf8BytesAttribute bytes)
            MaxBytes(schema, bytes.Bytes);
        return Task.CompletedTask;
    });

    public static void MaxBytes(OpenApiSchema schema, long bytes)
    {
        schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        schema.Extensions[MaxBytesExtension] = new JsonNodeExtension(JsonValue.Create(bytes));
    }
}
