using JasperFx;
using JasperFx.CommandLine;
using Marten;
using OttobonJobs.Projections;

namespace OttobonJobs.Api.Hosting;

public class RebuildReadModelsInput : NetCoreInput
{
    [Description("Rebuild only this projection (JobDetails, JobSearchIndex, ...); all of them when left out")]
    [FlagAlias("projection", 'p')]
    public string? ProjectionFlag { get; set; }
}

/// <summary>
/// <c>dotnet run -- read-models-rebuild [-p Name]</c>: what <c>projections rebuild</c> does, one projection at a time,
/// with the search and resume vector tables truncated and their HNSW and GIN indexes built once after the replay
/// (<see cref="ReadModelRebuild"/>).
/// </summary>
[Description("Rebuilds the read models from the event log, one projection at a time, vector and text indexes built after", Name = "read-models-rebuild")]
public class RebuildReadModelsCommand : JasperFxAsyncCommand<RebuildReadModelsInput>
{
    public override async Task<bool> Execute(RebuildReadModelsInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var names = ReadModelRebuild.Projections(store).Select(p => p.Name).ToList();
        if (input.ProjectionFlag is { } only && !names.Contains(only, StringComparer.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"No stored projection is named '{only}'. Choose one of: {string.Join(", ", names)}.");
            return false;
        }
        await ReadModelRebuild.RebuildAsync(store, input.ProjectionFlag is { } one ? [one] : names,
            (name, time) => Console.WriteLine($"Rebuilt {name} in {time.TotalSeconds:F1} s."), CancellationToken.None);
        return true;
    }
}
