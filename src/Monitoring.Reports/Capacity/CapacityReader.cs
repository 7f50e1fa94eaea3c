using Microsoft.EntityFrameworkCore;
using Monitoring.Core.Model;
using Monitoring.Storage;
using Monitoring.Storage.Records;

namespace Monitoring.Reports.Capacity;

/// <summary>Reads what the capacity report needs from the database: present inventory, the hosts' CPU and memory
/// series and the datastores' and volumes' storage series (<see cref="StorageMetric"/>) over the window.</summary>
/// <remarks>Picks the table by the window and what is there: windows over 90 days read the daily table; otherwise the
/// hourly table, unless it holds under a day of buckets in the window (a young service: the maintenance job of
/// <c>run</c> has not rolled much up yet), when the 1-minute table is read instead.</remarks>
public sealed class CapacityReader
{
    /// <summary>Hourly buckets below which the report falls back to minutes.</summary>
    public const int MinimumHourlyBuckets = 24;

    private static readonly string[] s_metrics = [PerformanceMetric.CpuUsage, PerformanceMetric.MemoryUsage, StorageMetric.Capacity, StorageMetric.Used];

    private readonly MonitoringDatabase _database;

    public CapacityReader(MonitoringDatabase database) => _database = database;

    public async Task<CapacityData> ReadAsync(int days, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inventory = await new InventoryReader(_database).ReadAsync(includeGone: false, cancellationToken).ConfigureAwait(false);
        // Hosts' usage and datastores' storage; the metric filter keeps each to its own series.
        var objectIds = inventory.Hosts.Select(h => h.Id).Concat(inventory.Datastores.Select(d => d.Id)).ToList();
        var from = now.AddDays(-days);
        var start = from.ToUnixTimeSeconds();
        var end = now.ToUnixTimeSeconds();

        await using var context = _database.CreateContext();
        List<SampleAggregate> rows;
        string resolution;
        if (days > 90)
        {
            rows = await ReadAsync(context.DailySamples, objectIds, start, end, cancellationToken).ConfigureAwait(false);
            resolution = "day";
        }
        else
        {
            rows = await ReadAsync(context.HourlySamples, objectIds, start, end, cancellationToken).ConfigureAwait(false);
            resolution = "hour";
            if (rows.Select(r => r.Timestamp).Distinct().Count() < MinimumHourlyBuckets)
            {
                rows = await ReadAsync(context.MinuteSamples, objectIds, start, end, cancellationToken).ConfigureAwait(false);
                resolution = "minute";
            }
        }

        var series = rows.GroupBy(r => (r.ObjectId, r.Metric))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<SamplePoint>)[.. g.OrderBy(r => r.Timestamp).Select(r => new SamplePoint(r.Timestamp, r.Average, r.Maximum))]);
        return new CapacityData(inventory, series, resolution, from, now);
    }

    private static async Task<List<SampleAggregate>> ReadAsync<T>(DbSet<T> table, List<string> objectIds, long start, long end, CancellationToken cancellationToken)
        where T : SampleAggregate
    {
        // Hosts and datastores only: VMs' series are the bulk of the tables and the report does not use them.
        var rows = await table.AsNoTracking()
            .Where(r => r.Timestamp >= start && r.Timestamp < end && s_metrics.Contains(r.Metric) && objectIds.Contains(r.ObjectId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows];
    }
}
