using Microsoft.Extensions.Options;
using OttobonJobs.Api.Access;

namespace OttobonJobs.Api.Hosting;

public static class SettingsSetup
{
    // The short environment names the README and scripts use, mapped onto the configuration keys.
    private static readonly Dictionary<string, string> EnvironmentAliases = new()
    {
        ["OTTOBON_DATABASE_URL"] = "Ottobon:DatabaseUrl",
        ["OTTOBON_SPA_PATH"] = "Ottobon:SpaPath",
        ["OTTOBON_JWT_SECRET"] = "Ottobon:Jwt:Secret",
        ["OTTOBON_ADMIN_EMAIL"] = "Ottobon:Admin:Email",
        ["OTTOBON_ADMIN_PASSWORD"] = "Ottobon:Admin:Password",
        ["OTTOBON_DEMO_PASSWORD"] = "Ottobon:Demo:Password",
        ["OTTOBON_SEED_DEMO"] = "Ottobon:Demo:SeedAccounts",
        ["OPENAI_API_KEY"] = "Ottobon:OpenAi:ApiKey",
        ["OTTOBON_SCRAPER_MODE"] = "Ottobon:Scrapers:Mode",
        ["OTTOBON_SMTP_HOST"] = "Ottobon:Email:SmtpHost",
        ["OTTOBON_SMTP_PORT"] = "Ottobon:Email:SmtpPort",
        ["OTTOBON_SMTP_SECURITY"] = "Ottobon:Email:SmtpSecurity",
        ["OTTOBON_SMTP_USERNAME"] = "Ottobon:Email:SmtpUserName",
        ["OTTOBON_SMTP_PASSWORD"] = "Ottobon:Email:SmtpPassword",
        ["OTTOBON_EMAIL_FROM"] = "Ottobon:Email:FromAddress",
        ["OTTOBON_PUBLIC_BASE_URL"] = "Ottobon:Email:PublicBaseUrl",
    };

    public static WebApplicationBuilder AddOttobonSettings(this WebApplicationBuilder builder)
    {
        var aliased = EnvironmentAliases
            .Select(alias => (Key: alias.Value, Value: Environment.GetEnvironmentVariable(alias.Key)))
            .Where(pair => !string.IsNullOrEmpty(pair.Value))
            .ToDictionary(pair => pair.Key, pair => pair.Value);

        // Added after appsettings.json and the standard environment variables, so the short names win.
        builder.Configuration.AddInMemoryCollection(aliased);

        builder.Services.AddValidatedSettings<OttobonSettings>(builder.Configuration, OttobonSettings.Section);
        builder.Services.AddOptions<JwtSettings>().Bind(builder.Configuration.GetSection(JwtSecretRule.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<JwtSettings>>(new JwtSecretRule(builder.Environment));
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>The product answers on http://localhost:8080 unless ASPNETCORE_URLS (or --urls) says otherwise.</summary>
    public static WebApplicationBuilder ListenOnDefaultPortUnlessConfigured(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) &&
            string.IsNullOrEmpty(builder.Configuration["http_ports"]) &&
            string.IsNullOrEmpty(builder.Configuration["https_ports"]))
        {
            builder.WebHost.UseUrls("http://localhost:8080");
        }
        return builder;
    }
}
