using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OttobonJobs.Tests.Support;

/// <summary>
/// Records the SQL sent to one database while it is open, from Npgsql's own tracing (one activity per command or
/// batch) and pool metrics (each checkout of a used connection costs a <c>DISCARD ALL</c> unless reset is off).
/// Other test classes use other databases, so their traffic is left out by the database name.
/// </summary>
public sealed class SqlCapture : IDisposable
{
    private readonly string _database;
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();
    private readonly ConcurrentQueue<string> _commands = new();
    private int _checkouts;

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
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name == "db.client.connections.usage") listener.EnableMeasurementEvents(instrument);
        };
        _meters.SetMeasurementEventCallback<int>(CountCheckout);
        _meters.Start();
    }

    /// <summary>Each command's text; a batch counts one entry per statement.</summary>
    public IReadOnlyList<string> Statements => [.. _commands];

    /// <summary>Connections taken from the pool (each one a <c>DISCARD ALL</c> round trip before its first command when reset on close is on).</summary>
    public int Checkouts => _checkouts;

    private void Record(Activity activity)
    {
        if (activity.GetTagItem("db.name") as string != _database) return;
        var text = activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
        foreach (var statement in text.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) _commands.Enqueue(statement);
    }

    private void CountCheckout(Instrument instrument, int value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (value <= 0) return;
        var used = false;
        var ours = false;
        foreach (var (key, tag) in tags)
        {
            if (key == "state" && tag as string == "used") used = true;
            if (key == "pool.name" && tag is string pool && pool.Contains($"Database={_database}", StringComparison.OrdinalIgnoreCase)) ours = true;
        }
        if (used && ours) Interlocked.Increment(ref _checkouts);
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }
}
