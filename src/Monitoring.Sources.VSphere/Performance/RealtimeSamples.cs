using Monitoring.Core.Model;
using Monitoring.Sources.VSphere.Client;

namespace Monitoring.Sources.VSphere.Performance;

/// <summary>Turns one entity's <c>QueryPerf</c> result into domain samples in base units.</summary>
internal static class RealtimeSamples
{
    /// <summary>Adds a sample for every value of every counter we asked for; values without data (-1),
    /// series of other instances or counters, and values without a matching timestamp are left out.</summary>
    public static void Add(PerfEntityMetric metric, CounterCatalog catalog, string target, ICollection<PerformanceSample> samples)
    {
        var objectId = ObjectId.Create(target, metric.Entity.Value);
        foreach (var series in metric.Values)
        {
            if (series.Instance.Length != 0 || catalog.Find(series.CounterId) is not { } counter)
            {
                continue;
            }

            // Pair by position, not by assumed order: real vCenter sends oldest first, the simulator newest first.
            var count = Math.Min(series.Values.Count, metric.SampleInfo.Count);
            for (var i = 0; i < count; i++)
            {
                var raw = series.Values[i];
                // -1 is vSphere's "no value for this sample"; none of our counters can be negative otherwise.
                if (raw < 0)
                {
                    continue;
                }

                var info = metric.SampleInfo[i];
                var interval = info.IntervalSeconds > 0 ? info.IntervalSeconds : RealtimeCounters.IntervalSeconds;
                samples.Add(new PerformanceSample(objectId, counter.Metric, info.Timestamp, counter.ToBaseUnit(raw, interval)));
            }
        }
    }
}
