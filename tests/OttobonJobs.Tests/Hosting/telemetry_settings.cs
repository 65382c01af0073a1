using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OttobonJobs.Api.Hosting;

namespace OttobonJobs.Tests.Hosting;

public class telemetry_settings
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings.ToDictionary(s => $"{TelemetrySettings.Section}:{s.Key}", s => (string?)s.Value));
        builder.AddOttobonTelemetry();
        return builder.Services.BuildServiceProvider();
    }

    [Theory]
    [InlineData("PrometheusPort", "0", "Ottobon:Telemetry:PrometheusPort")]
    [InlineData("PrometheusPort", "70000", "Ottobon:Telemetry:PrometheusPort")]
    [InlineData("PrometheusHost", " ", "Ottobon:Telemetry:PrometheusHost")]
    [InlineData("ScrapeToken", "too-short", "Ottobon:Telemetry:ScrapeToken")]
    public void a_wrong_setting_is_refused_by_name(string key, string value, string named)
    {
        using var provider = Build((key, value));

        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TelemetrySettings>>().Value)
            .Message.ShouldContain(named);
    }

    [Fact]
    public void json_logs_switch_the_console_to_json_lines_with_trace_ids_in_their_scopes()
    {
        using var provider = Build(("JsonLogs", "true"));

        provider.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName.ShouldBe(ConsoleFormatterNames.Json);
        provider.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue.IncludeScopes.ShouldBeTrue();
        provider.GetRequiredService<IOptions<LoggerFactoryOptions>>().Value.ActivityTrackingOptions
            .HasFlag(ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId).ShouldBeTrue();
    }

    [Fact]
    public void by_default_the_console_keeps_its_plain_lines()
    {
        using var provider = Build();

        provider.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName.ShouldNotBe(ConsoleFormatterNames.Json);
    }
}
