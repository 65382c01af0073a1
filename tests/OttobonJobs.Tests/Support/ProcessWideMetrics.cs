namespace OttobonJobs.Tests.Support;

/// <summary>
/// Tests that read a host's metrics run alone. OpenTelemetry merges the instruments of equally named meters in one
/// process (ASP.NET Core creates "Microsoft.AspNetCore.Hosting" per host), so a host that another test class disposes
/// meanwhile takes its merged series, ours included, out of the next scrape.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMetrics
{
    public const string Name = "process-wide metrics";
}
