using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace OttobonJobs.Api.Hosting;

/// <summary>How the API looks from outside: snake_case JSON, CORS, the OpenAPI document and its reference page.</summary>
public static class ApiSurface
{
    public const string CorsPolicy = "spa";

    public static IServiceCollection AddOttobonApiSurface(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });

        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<OttobonSettings>>((cors, settings) => cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins(settings.Value.CorsOrigins)
                .AllowAnyHeader()
                .AllowAnyMethod()));

        services.AddOpenApi(openApi => openApi.AddOttobonContract());
        return services;
    }

    public static WebApplication MapOttobonApiReference(this WebApplication app)
    {
        app.MapOpenApi("/api/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", reference => reference
            .WithTitle("Ottobon Jobs API")
            .WithOpenApiRoutePattern("/api/openapi/{documentName}.json"));
        return app;
    }
}
