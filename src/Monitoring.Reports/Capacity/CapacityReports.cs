using Monitoring.Storage;

namespace Monitoring.Reports.Capacity;

/// <summary>Reads the database and computes the capacity report: what <c>report capacity</c> and
/// <c>GET /api/v1/reports/capacity</c> both run.</summary>
public sealed class CapacityReports
{
    private readonly MonitoringDatabase _database;
    private readonly TimeProvider _time;

    public CapacityReports(MonitoringDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <param name="options">How to compute it; check <see cref="CapacityOptions.Problems"/> first.</param>
    /// <param name="onStep">Told each stage as it starts (for a progress display); may be null.</param>
    /// <param name="cancellationToken">Cancels the database reads.</param>
    public async Task<CapacityReport> GenerateAsync(CapacityOptions options, Action<string>? onStep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        onStep?.Invoke("reading inventory and usage");
        var data = await new CapacityReader(_database).ReadAsync(options.Days, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        onStep?.Invoke($"computing ({data.Inventory.Hosts.Count} hosts, {data.Series.Count} series, {data.Resolution} buckets)");
        return new CapacityCalculator(options).Calculate(data);
    }
}
