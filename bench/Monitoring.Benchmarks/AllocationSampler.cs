using System.Diagnostics.Tracing;

namespace Monitoring.Benchmarks;

/// <summary>Allocations by type, sampled in process from the runtime's <c>AllocationTick</c> events (one
/// event per about 100 KB allocated): for <c>passes ... --allocations</c>, to see what a step allocates.</summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<string, long> _bytes = [];

    /// <summary>Bytes per type since the last call (sampled, so small types may not show).</summary>
    public IReadOnlyDictionary<string, long> TakeAndReset()
    {
        lock (_bytes)
        {
            var copy = new Dictionary<string, long>(_bytes);
            _bytes.Clear();
            return copy;
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null)
        {
            return;
        }

        var name = eventData.PayloadNames!.IndexOf("TypeName") is var i and >= 0 ? eventData.Payload[i]?.ToString() ?? "?" : "?";
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var j and >= 0 ? Convert.ToInt64(eventData.Payload[j], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        lock (_bytes)
        {
            _bytes[name] = _bytes.GetValueOrDefault(name) + amount;
        }
    }
}
