namespace OttobonJobs.Benchmarks;

/// <summary>Latency samples in milliseconds; percentiles by nearest rank.</summary>
public sealed class Latencies
{
    private readonly List<double> _samples = [];
    private List<double>? _sorted;

    public int Count => _samples.Count;

    public void Add(double milliseconds)
    {
        _samples.Add(milliseconds);
        _sorted = null;
    }

    public void AddRange(Latencies other)
    {
        _samples.AddRange(other._samples);
        _sorted = null;
    }

    public double Percentile(double p)
    {
        if (_samples.Count == 0) return double.NaN;
        _sorted ??= _samples.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100.0 * _sorted.Count);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Count - 1)];
    }

    public double P50 => Percentile(50);
    public double P99 => Percentile(99);
    public double Mean => _samples.Count == 0 ? double.NaN : _samples.Average();
}
