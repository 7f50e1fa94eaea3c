using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Monitoring.Service.Configuration;

namespace Monitoring.Service.Scheduling;

/// <summary>Applies changes to the targets in the configuration file without a restart. A change that
/// does not validate is refused as a whole (logged, naming the bad keys) and the running set is kept.</summary>
/// <remarks>Storage, listener and schedule changes need a restart; only targets are live.</remarks>
internal sealed class ConfigurationWatcher : IHostedService, IDisposable
{
    /// <summary>Editors write a file in several steps; wait for them to settle.</summary>
    private static readonly TimeSpan s_settle = TimeSpan.FromSeconds(1);

    private readonly LoadedConfiguration _configuration;
    private readonly TargetDirectory _targets;
    private readonly TargetScheduler _scheduler;
    private readonly ILogger<ConfigurationWatcher> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private PhysicalFileProvider? _files;
    private IDisposable? _subscription;

    public ConfigurationWatcher(LoadedConfiguration configuration, TargetDirectory targets, TargetScheduler scheduler, ILogger<ConfigurationWatcher> logger)
    {
        _configuration = configuration;
        _targets = targets;
        _scheduler = scheduler;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_configuration.Source is { } source)
        {
            _files = new PhysicalFileProvider(Path.GetDirectoryName(source)!);
            var name = Path.GetFileName(source);
            _subscription = ChangeToken.OnChange(() => _files.Watch(name), () => _ = ReloadAsync(source));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _files?.Dispose();
        _stopping.Dispose();
    }

    private async Task ReloadAsync(string source)
    {
        try
        {
            await Task.Delay(s_settle, _stopping.Token).ConfigureAwait(false);
            var reloaded = ConfigurationLoader.Load(source);
            var removed = _targets.Replace(reloaded.Targets);
            await _scheduler.SyncAsync(_stopping.Token, removed).ConfigureAwait(false);
        }
        catch (ConfigurationException e)
        {
            ServiceLog.ReloadRejected(_logger, string.Join("; ", e.Problems));
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: the change no longer matters.
        }
    }
}
