using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Access;
using OttobonJobs.Api.Hosting;
using OttobonJobs.Tests.Support;

namespace OttobonJobs.Tests.Hosting;

/// <summary>
/// The API started exactly as Program starts it, with one bad setting: the start fails, and the message names the
/// setting by its full key. No database is needed: the settings are checked before anything connects (the address
/// below leads nowhere, so a start that got past the checks would fail differently and the assertion would say so).
/// </summary>
public class when_starting_with_invalid_settings
{
    private const string Nowhere = "Host=127.0.0.1;Port=1;Database=nowhere;Username=nobody;Timeout=1";

    private static Dictionary<string, string?> ValidSettings() => new(ApiFixture.BaseSettings(Nowhere))
    {
        ["urls"] = "http://127.0.0.1:0",
    };

    private static async Task<string> StartFailure(string environment, IDictionary<string, string?> settings)
    {
        var failure = await Should.ThrowAsync<Exception>(async () =>
        {
            await using var app = OttobonApi.Build([$"--environment={environment}"], builder =>
            {
                builder.Logging.ClearProviders();
                builder.Configuration.AddInMemoryCollection(settings);
            });
            await app.StartAsync();
        });
        return failure.Message;
    }

    [Theory]
    [InlineData("Ottobon:Jwt:LifetimeMinutes", "0", "Ottobon:Jwt:LifetimeMinutes must be between 0.05 and 1440, was 0")]
    [InlineData("Ottobon:Jwt:LifetimeMinutes", "fifteen", "Ottobon:Jwt:LifetimeMinutes")]
    [InlineData("Ottobon:Jwt:RefreshTokenDays", "-1", "Ottobon:Jwt:RefreshTokenDays must be between 0.01 and 365, was -1")]
    [InlineData("Ottobon:ChatFlood:MessagesPerUser", "0", "Ottobon:ChatFlood:MessagesPerUser must be between 1 and 10000, was 0")]
    [InlineData("Ottobon:Chat:SilenceLimit", "00:00:00", "Ottobon:Chat:SilenceLimit must be between 00:00:01 and 01:00:00, was 00:00:00")]
    [InlineData("Ottobon:RateLimits:SearchRequestsPerMinute", "0", "Ottobon:RateLimits:SearchRequestsPerMinute must be between 1 and 100000, was 0")]
    [InlineData("Ottobon:AuthRequestsPerMinute", "-5", "Ottobon:AuthRequestsPerMinute must be between 1 and 100000, was -5")]
    [InlineData("Ottobon:Sockets:TicketSeconds", "0", "Ottobon:Sockets:TicketSeconds must be between 1 and 600, was 0")]
    [InlineData("Ottobon:Ingestion:Cron", "every night at ten", "Ottobon:Ingestion:Cron must be a cron expression (5 fields, or 6 with seconds first), was \"every night at ten\"")]
    [InlineData("Ottobon:Ingestion:TimeZone", "Mars/Olympus_Mons", "Ottobon:Ingestion:TimeZone must be a time zone id")]
    [InlineData("Ottobon:Ingestion:LeaseRenewal", "00:05:00", "Ottobon:Ingestion:LeaseRenewal must be shorter than LeaseDuration")]
    [InlineData("Ottobon:Resumes:MaxBytes", "0", "Ottobon:Resumes:MaxBytes must be between 1024 and 16777216, was 0")]
    [InlineData("Ottobon:Documents:MaxPdfPages", "0", "Ottobon:Documents:MaxPdfPages must be between 1 and 10000, was 0")]
    [InlineData("Ottobon:OpenAi:BaseUrl", "localhost:11434/v1", "Ottobon:OpenAi:BaseUrl must be an absolute http(s) URL, was \"localhost:11434/v1\"")]
    [InlineData("Ottobon:OpenAi:BaseUrl", "/v1", "Ottobon:OpenAi:BaseUrl must be an absolute http(s) URL")]
    [InlineData("Ottobon:OpenAi:EmbeddingDimensions", "3072", "Ottobon:OpenAi:EmbeddingDimensions must be between 1 and 2000, was 3072")]
    [InlineData("Ottobon:Enrichment:MaxAttempts", "0", "Ottobon:Enrichment:MaxAttempts must be between 1 and 100, was 0")]
    [InlineData("Ottobon:LocalEmbeddings:Sessions", "0", "Ottobon:LocalEmbeddings:Sessions must be between 1 and 64, was 0")]
    [InlineData("Ottobon:LocalEmbeddings:IntraOpThreads", "0", "Ottobon:LocalEmbeddings:IntraOpThreads must be between 1 and 64, was 0")]
    [InlineData("Ottobon:LocalEmbeddings:InterOpThreads", "100", "Ottobon:LocalEmbeddings:InterOpThreads must be between 1 and 64, was 100")]
    [InlineData("Ottobon:QueryEmbeddings:CacheEntries", "-1", "Ottobon:QueryEmbeddings:CacheEntries must be between 0 and 100000, was -1")]
    [InlineData("Ottobon:Storage:Root", "relative/files", "Ottobon:Storage:Root must be an absolute path, was \"relative/files\"")]
    [InlineData("Ottobon:Storage:Provider", "gcs", "Ottobon:Storage:Provider must be one of \"local\", \"s3\", was \"gcs\"")]
    [InlineData("Ottobon:Storage:S3:ServerSideEncryption", "aes", "Ottobon:Storage:S3:ServerSideEncryption must be one of \"AES256\", \"aws:kms\", was \"aes\"")]
    [InlineData("Ottobon:Jwt:SecretFile", "jwt-secret", "Ottobon:Jwt:SecretFile must be an absolute path")]
    [InlineData("Ottobon:Scrapers:Mode", "staging", "Ottobon:Scrapers:Mode must be one of \"sample\", \"live\", was \"staging\"")]
    [InlineData("Ottobon:Scrapers:Http:MaxRetries", "-1", "Ottobon:Scrapers:Http:MaxRetries must be between 0 and 10, was -1")]
    [InlineData("Ottobon:Scrapers:Ey:BaseUrl", "careers.ey.com", "Ottobon:Scrapers:Ey:BaseUrl must be an absolute http(s) URL")]
    [InlineData("Ottobon:Scrapers:Greenhouse:Boards:0:Source", "Post Man", "Ottobon:Scrapers:Greenhouse:Boards:0:Source must be a lower-case slug")]
    [InlineData("Ottobon:Scrapers:Workday:Tenants:1:Source", "kpmg", "Ottobon:Scrapers:OracleHcm:Tenants:0:Source must be unique across all platforms, \"kpmg\" is taken by Ottobon:Scrapers:Workday:Tenants:1")]
    [InlineData("Ottobon:ForwardedHeaders:KnownNetworks:0", "172.18.0.0", "Ottobon:ForwardedHeaders:KnownNetworks must hold networks in CIDR form")]
    [InlineData("Ottobon:CorsOrigins:0", "allowed.example", "Ottobon:CorsOrigins must be an absolute http(s) URL")]
    [InlineData("Ottobon:RateLimits:Store", "redis", "Ottobon:RateLimits:Store")]
    public async Task the_start_fails_naming_the_setting(string key, string value, string expected)
    {
        var settings = ValidSettings();
        settings[key] = value;

        (await StartFailure("Production", settings)).ShouldContain(expected);
    }

    [Fact]
    public async Task s3_storage_without_a_bucket_or_region_and_with_half_a_key_pair_is_refused()
    {
        var settings = ValidSettings();
        settings["Ottobon:Storage:Provider"] = "s3";
        settings["Ottobon:Storage:S3:AccessKey"] = "AKIAEXAMPLE";
        settings["Ottobon:Storage:S3:KmsKeyId"] = "alias/ottobon";

        var message = await StartFailure("Production", settings);

        message.ShouldContain("Ottobon:Storage:S3:Bucket is required when Ottobon:Storage:Provider is \"s3\"");
        message.ShouldContain("Ottobon:Storage:S3:Region is required");
        message.ShouldContain("Ottobon:Storage:S3:SecretKey must be set together with S3:AccessKey");
        message.ShouldContain("Ottobon:Storage:S3:KmsKeyId needs S3:ServerSideEncryption \"aws:kms\"");
    }

    [Fact]
    public async Task every_bad_setting_is_named_at_once()
    {
        var settings = ValidSettings();
        settings["Ottobon:Jwt:LifetimeMinutes"] = "0";
        settings["Ottobon:LoginThrottle:MaxFailures"] = "0";

        var message = await StartFailure("Production", settings);

        message.ShouldContain("Ottobon:Jwt:LifetimeMinutes");
        message.ShouldContain("Ottobon:LoginThrottle:MaxFailures");
    }

    [Fact]
    public async Task a_short_jwt_secret_is_refused_without_echoing_it()
    {
        var settings = ValidSettings();
        settings["Ottobon:Jwt:Secret"] = "too-short-secret";

        var message = await StartFailure("Production", settings);

        message.ShouldContain("Ottobon:Jwt:Secret must be at least 32 bytes long");
        message.ShouldNotContain("too-short-secret");
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task outside_development_the_jwt_secret_is_required(string environment)
    {
        var settings = ValidSettings();
        settings["Ottobon:Jwt:Secret"] = "";
        settings["Ottobon:Jwt:SecretFile"] = Path.Combine(Path.GetTempPath(), $"no-such-secret-{Guid.NewGuid():N}");

        var message = await StartFailure(environment, settings);

        message.ShouldContain("Ottobon:Jwt:Secret (environment variable OTTOBON_JWT_SECRET) is required outside Development");
        message.ShouldContain($"this is {environment}");
        File.Exists(settings["Ottobon:Jwt:SecretFile"]).ShouldBeFalse("outside Development no key file is ever generated");
    }

    [Fact]
    public async Task outside_development_an_existing_secret_file_will_do()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("ottobon-jwt-").FullName, "jwt-secret");
        await File.WriteAllTextAsync(file, ApiFixture.JwtSecret);
        var settings = ValidSettings();
        settings["Ottobon:Jwt:Secret"] = "";
        settings["Ottobon:Jwt:SecretFile"] = file;

        await using var app = OttobonApi.Build(["--environment=Production"], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(settings);
        });

        app.Services.GetRequiredService<IOptions<JwtSettings>>().Value.SecretFile.ShouldBe(file); // what the start checks
        app.Services.GetRequiredService<JwtSigningKey>().Key.KeySize.ShouldBe(ApiFixture.JwtSecret.Length * 8);
    }

    [Theory]
    [InlineData(null, typeof(PostgresRateLimitCounters))]
    [InlineData("postgres", typeof(PostgresRateLimitCounters))]
    [InlineData("memory", typeof(MemoryRateLimitCounters))]
    public async Task one_setting_picks_where_request_counters_live(string? store, Type expected)
    {
        var settings = ValidSettings();
        if (store is not null) settings["Ottobon:RateLimits:Store"] = store;

        await using var app = OttobonApi.Build(["--environment=Production"], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(settings);
        });

        app.Services.GetRequiredService<IRateLimitCounters>().ShouldBeOfType(expected);
    }

    [Fact]
    public async Task a_command_that_never_starts_the_host_needs_no_secret()
    {
        var settings = ValidSettings();
        settings["Ottobon:Jwt:Secret"] = "";
        settings["Ottobon:Jwt:SecretFile"] = Path.Combine(Path.GetTempPath(), $"no-such-secret-{Guid.NewGuid():N}");

        // What codegen, describe-event-model and projections do: build the application, never start it.
        await using var app = OttobonApi.Build(["--environment=Production"], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(settings);
        });

        Should.Throw<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<JwtSettings>>().Value)
            .Message.ShouldContain("OTTOBON_JWT_SECRET"); // what the start would check
    }

    [Fact]
    public async Task in_development_a_missing_secret_is_generated_with_a_warning()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("ottobon-jwt-").FullName, "jwt-secret");
        var logs = new CapturedLogs();
        var settings = ValidSettings();
        settings["Ottobon:Jwt:Secret"] = "";
        settings["Ottobon:Jwt:SecretFile"] = file;

        await using var app = OttobonApi.Build(["--environment=Development"], builder =>
        {
            builder.Logging.ClearProviders().AddProvider(logs);
            builder.Configuration.AddInMemoryCollection(settings);
        });
        _ = app.Services.GetRequiredService<JwtSigningKey>().Key; // the key is loaded on first use

        File.Exists(file).ShouldBeTrue();
        logs.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("No OTTOBON_JWT_SECRET set") && e.Message.Contains(file));
    }
}
