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
    private readonly Dictionary<(string ObjectId, string Metric), long> _watermarks = [];
    private readonly Dictionary<(string ObjectId, string Metric, long Minute), Accumulator> _open = [];

    /// <summary>Series the aggregator tracks; bounded by objects x metrics of its target.</summary>
    public int Series => _watermarks.Count;

    /// <summary>Adds a pass's samples; returns how many were new.</summary>
    public int Add(IEnumerable<PerformanceSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var added = 0;
        foreach (var sample in InTimeOrder(samples))
        {
            // One hash lookup per map and sample (a pass brings hundreds of thousands): the entry is
            // found or added in place.
            var seconds = sample.Timestamp.ToUnixTimeSeconds();
            ref var watermark = ref CollectionsMarshal.GetValueRefOrAddDefault(_watermarks, (sample.ObjectId, sample.Metric), out var known);
            if (known && seconds <= watermark)
            {
                continue;
            }

            watermark = seconds;
            ref var accumulator = ref CollectionsMarshal.GetValueRefOrAddDefault(_open, (sample.ObjectId, sample.Metric, MinuteOf(seconds)), out _);
            (accumulator ??= new Accumulator()).Add(sample.Value);
            added++;
        }

        return added;
    }

    /// <summary>Hands out every minute that gained samples since the last call (open or not), then
    /// forgets the minutes that ended at or before <paramref name="cutoff"/>.</summary>
    public IReadOnlyList<MinuteAggregate> TakeChanges(DateTimeOffset cutoff)
    {
        var limit = cutoff.ToUnixTimeSeconds();
        var changed = new List<MinuteAggregate>();
        var closed = new List<(string, string, long)>();
        foreach (var (key, accumulator) in _open)
        {
            if (accumulator.Changed)
            {
                changed.Add(new MinuteAggregate(key.ObjectId, key.Metric, key.Minute, accumulator.Sum / accumulator.Count, accumulator.Minimum, accumulator.Maximum, accumulator.Count));
                accumulator.Changed = false;
            }

            if (key.Minute + 60 <= limit)
            {
                closed.Add(key);
            }
        }

        foreach (var key in closed)
        {
            _open.Remove(key);
        }

        return changed;
    }

    /// <summary>Minutes still open.</summary>
    public int OpenMinutes => _open.Count;

    /// <summary>Forgets series of objects that are no longer reported, so a churning estate does not grow the map.</summary>
    public void Retain(IReadOnlySet<string> objectIds)
    {
        ArgumentNullException.ThrowIfNull(objectIds);
        foreach (var series in _watermarks.Keys.Where(k => !objectIds.Contains(k.ObjectId)).ToList())
        {
            _watermarks.Remove(series);
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

    private sealed class Accumulator
    {
        public double Sum { get; private set; }

        public int Count { get; private set; }

        public double Minimum { get; private set; } = double.MaxValue;

        public double Maximum { get; private set; } = double.MinValue;

        public bool Changed { get; set; }

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
