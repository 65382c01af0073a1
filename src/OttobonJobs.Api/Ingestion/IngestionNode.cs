namespace OttobonJobs.Api.Ingestion;

/// <summary>This process as a lease owner: the machine, the process and an instance id (two hosts in one process differ).</summary>
public sealed class IngestionNode
{
    public string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}
