using System.Runtime.InteropServices;
using Monitoring.Core.Model;

namespace Monitoring.Core.Performance;

/// <summary>Turns overlapping realtime reads into one-minute averages.</summary>
/// <remarks>
/// Each realtime pass asks for the last few 20 s samples, so consecutive passes overlap; a per-series
/// watermark drops what was already counted. A 20 s sample is stamped with the end of its interval, so
/// the sample stamped 10:01:00 belongs to the minute 10:00. Every minute that gained samples is handed
/// out after each pass, still open, so storage holds a running average within one pass of collection
/// (an upsert refines it as the minute fills). A minute is forgotten once it is closed: its end lies
/// before the cutoff the caller gives (now minus the source's reporting delay). Samples arriving for a
/// forgotten minute are dropped rather than overwrite a fuller average.
/// Not thread-safe: one aggregator per target, fed by that target's (non-overlapping) realtime job.
/// </remarks>
public sealed class MinuteAggregator
{
    // One entry per object, holding its series (one per metric, a handful): a sample costs a short scan of
    // its object's series, and the object's lookup is skipped while consecutive samples are the same
    // object's, as a collector's are (a pass over 20,000 VMs brings about 380,000 samples).
    private readonly Dictionary<string, ObjectState> _objects = new(StringComparer.Ordinal);
    private int _tracked;
    private int _openMinutes;

    /// <summary>Series the aggregator tracks; bounded by objects x metrics of its target.</summary>
    public int Series => _tracked;

    /// <summary>Adds a pass's samples; returns how many were new.</summary>
    public int Add(IEnumerable<PerformanceSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var added = 0;
        string? lastObjectId = null;
        ObjectState? state = null;
        foreach (var sample in InTimeOrder(samples))
        {
            if (state is null || !ReferenceEquals(sample.ObjectId, lastObjectId))
            {
                lastObjectId = sample.ObjectId;
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_objects, sample.ObjectId, out _);
                entry ??= new ObjectState();
                state = entry;
            }

            var seconds = sample.Timestamp.ToUnixTimeSeconds();
            var series = state.Find(sample.Metric);
            if (series.Tracked && seconds <= series.Watermark)
            {
                continue;
            }

            if (!series.Tracked)
            {
                series.Tracked = true;
                _tracked++;
            }

            series.Watermark = seconds;
            if (series.Add(MinuteOf(seconds), sample.Value))
            {
                _openMinutes++;
            }

            added++;
        }

        return added;
    }

    /// <summary>Hands out every minute that gained samples since the last call (open or not), then
    /// forgets the minutes that ended at or before <paramref name="cutoff"/>.</summary>
    public IReadOnlyList<MinuteAggregate> TakeChanges(DateTimeOffset cutoff)
    {
        var limit = cutoff.ToUnixTimeSeconds();
        var changed = new List<MinuteAggregate>(_openMinutes);
        List<string>? empty = null;
        foreach (var (objectId, state) in _objects)
        {
            foreach (var series in state.All)
            {
                for (var i = 0; i < series.OpenCount; i++)
                {
                    ref var minute = ref series[i];
                    if (minute.Changed)
                    {
                        changed.Add(new MinuteAggregate(objectId, series.Metric, minute.Start, minute.Sum / minute.Count, minute.Minimum, minute.Maximum, minute.Count));
                        minute.Changed = false;
                    }
                }

                _openMinutes -= series.Close(limit);
            }

            if (state.ForgetFinished() == 0)
            {
                (empty ??= []).Add(objectId);
            }
        }

        foreach (var objectId in empty ?? [])
        {
            _objects.Remove(objectId);
        }

        return changed;
    }

    /// <summary>Minutes still open.</summary>
    public int OpenMinutes => _openMinutes;

    /// <summary>Forgets series of objects that are no longer reported, so a churning estate does not grow the map.</summary>
    /// <remarks>A forgotten series' open minutes are still handed out and closed as usual.</remarks>
    public void Retain(IReadOnlySet<string> objectIds)
    {
        ArgumentNullException.ThrowIfNull(objectIds);
        List<string>? gone = null;
        foreach (var (objectId, state) in _objects)
        {
            if (objectIds.Contains(objectId))
            {
                continue;
            }

            foreach (var series in state.All)
            {
                if (series.Tracked)
                {
                    series.Tracked = false;
                    _tracked--;
                }
            }

            if (state.ForgetFinished() == 0)
            {
                (gone ??= []).Add(objectId);
            }
        }

        foreach (var objectId in gone ?? [])
        {
            _objects.Remove(objectId);
        }
    }

    /// <summary>The samples oldest first; samples stamped alike keep their order (a stable sort).</summary>
    /// <remarks>Sorted as (ticks, position) pairs: several times cheaper than a LINQ OrderBy of this size.</remarks>
    private static IEnumerable<PerformanceSample> InTimeOrder(IEnumerable<PerformanceSample> samples)
    {
        var list = samples as IReadOnlyList<PerformanceSample> ?? [.. samples];
        var order = new (long Ticks, int Position)[list.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = (list[i].Timestamp.UtcTicks, i);
        }

        Array.Sort(order);
        foreach (var (_, position) in order)
        {
            yield return list[position];
        }
    }

    /// <summary>The minute a sample stamped at <paramref name="seconds"/> (its interval's end) belongs to.</summary>
    public static long MinuteOf(long seconds) => (seconds - 1) / 60 * 60;

    /// <summary>One object's metric: the newest sample counted (its watermark) and its open minutes (one or
    /// two at a time), held as values in one small array. Untracked after <see cref="Retain"/> forgot it,
    /// while minutes of it are still open.</summary>
    private sealed class SeriesState(string metric)
    {
        private Minute[] _open = new Minute[2];

        public string Metric { get; } = metric;

        public bool Tracked { get; set; }

        public long Watermark { get; set; }

        public int OpenCount { get; private set; }

        public ref Minute this[int index] => ref _open[index];

        /// <summary>Adds a sample to its minute; true when that minute was not open yet.</summary>
        public bool Add(long start, double value)
        {
            for (var i = 0; i < OpenCount; i++)
            {
                if (_open[i].Start == start)
                {
                    _open[i].Add(value);
                    return false;
                }
            }

            if (OpenCount == _open.Length)
            {
                Array.Resize(ref _open, _open.Length * 2);
            }

            _open[OpenCount] = new Minute(start);
            _open[OpenCount++].Add(value);
            return true;
        }

        /// <summary>Forgets the minutes that ended at or before <paramref name="limit"/>, keeping the others in
        /// order; returns how many it forgot.</summary>
        public int Close(long limit)
        {
            var kept = 0;
            for (var i = 0; i < OpenCount; i++)
            {
                if (_open[i].Start + 60 > limit)
                {
                    _open[kept++] = _open[i];
                }
            }

            var closed = OpenCount - kept;
            OpenCount = kept;
            return closed;
        }
    }

    /// <summary>One object's series, in the order their metrics first came.</summary>
    private sealed class ObjectState
    {
        private readonly List<SeriesState> _series = [];

        public List<SeriesState> All => _series;

        /// <summary>The metric's series, new if it has none: a collector reads a handful of metrics, so a scan
        /// (the metric names are usually the same string instances) beats a hash of the name.</summary>
        public SeriesState Find(string metric)
        {
            foreach (var series in _series)
            {
                if (ReferenceEquals(series.Metric, metric) || string.Equals(series.Metric, metric, StringComparison.Ordinal))
                {
                    return series;
                }
            }

            var added = new SeriesState(metric);
            _series.Add(added);
            return added;
        }

        /// <summary>Drops the series that are untracked with no open minute; returns how many are left.</summary>
        public int ForgetFinished()
        {
            _series.RemoveAll(s => !s.Tracked && s.OpenCount == 0);
            return _series.Count;
        }
    }

    private struct Minute(long start)
    {
        public readonly long Start = start;
        public double Sum;
        public int Count;
        public double Minimum = double.MaxValue;
        public double Maximum = double.MinValue;
        public bool Changed;

        public void Add(double value)
        {
            Changed = true;
            Sum += value;
            Count++;
            Minimum = Math.Min(Minimum, value);
            Maximum = Math.Max(Maximum, value);
        }
    }
}
