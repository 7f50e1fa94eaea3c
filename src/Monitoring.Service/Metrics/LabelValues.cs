namespace Monitoring.Service.Metrics;

/// <summary>The label values of one series, compared by value, so the series a publish sets can be
/// compared with the ones the previous publish set.</summary>
internal readonly struct LabelValues : IEquatable<LabelValues>
{
    private readonly int _hash;

    public LabelValues(params string[] values)
    {
        Values = values;
        var hash = default(HashCode);
        foreach (var value in values)
        {
            hash.Add(value, StringComparer.Ordinal);
        }

        _hash = hash.ToHashCode();
    }

    public string[] Values { get; }

    public bool Equals(LabelValues other) => _hash == other._hash && Values.AsSpan().SequenceEqual(other.Values);

    public override bool Equals(object? obj) => obj is LabelValues other && Equals(other);

    public override int GetHashCode() => _hash;
}
