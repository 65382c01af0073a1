using System.Collections.Concurrent;
using System.Diagnostics;

namespace OttobonJobs.Tests.Support;

/// <summary>
/// Records the SQL sent to one database while it is open, from Npgsql's own tracing (one activity per command or
/// batch). Other test classes use other databases, so their traffic is left out by the database name. Not seen:
/// BEGIN/COMMIT and the <c>DISCARD ALL</c> Npgsql sends with the first command after each pool checkout.
/// </summary>
public sealed class SqlCapture : IDisposable
{
    private readonly string _database;
    private readonly ActivityListener _activities;
    private readonly ConcurrentQueue<string> _commands = new();

    public SqlCapture(string database)
    {
        _database = database;
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_activities);
    }

    /// <summary>Each command's text; a batch counts one entry per statement.</summary>
    public IReadOnlyList<string> Statements => [.. _commands];

    private void Record(Activity activity)
    {
        if (activity.GetTagItem("db.name") as string != _database) return;
        var text = activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
        foreach (var statement in text.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) _commands.Enqueue(statement);
    }

    public void Dispose()
    {
        _activities.Dispose();
    }
}
