using Microsoft.Extensions.Logging;
using Monitoring.Service.Configuration;
using Monitoring.Storage;
using Monitoring.Storage.HealthStores;
using Monitoring.Storage.TipStores;
using Quartz;

namespace Monitoring.Service.Scheduling;

/// <summary>Rolls performance data up (hourly, daily) and prunes it past retention; prunes the health data and final tips too.</summary>
[DisallowConcurrentExecution]
internal sealed class MaintenanceJob : IJob
{
    public static readonly JobKey Key = new("maintenance", "engine");

    /// <summary>Often enough that an hour's rollup appears minutes after the hour closes.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    private readonly RollupMaintenance _maintenance;
    private readonly HealthPruning _pruning;
    private readonly TipPruning _tips;
    private readonly LoadedConfiguration _configuration;
    private readonly ILogger<MaintenanceJob> _logger;

    public MaintenanceJob(RollupMaintenance maintenance, HealthPruning pruning, TipPruning tips, LoadedConfiguration configuration, ILogger<MaintenanceJob> logger)
    {
        _maintenance = maintenance;
        _pruning = pruning;
        _tips = tips;
        _configuration = configuration;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await _maintenance.RunAsync(_configuration.Retention, cancellationToken).ConfigureAwait(false);
            await _pruning.RunAsync(_configuration.Retention.Health, cancellationToken).ConfigureAwait(false);
            await _tips.RunAsync(_configuration.Retention.FinalTips, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException e)
        {
            // The database may be locked or away; the next run recomputes the same buckets.
            ServiceLog.MaintenanceFailed(_logger, e.Message);
        }
    }
}
