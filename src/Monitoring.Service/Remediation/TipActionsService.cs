using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Monitoring.Service.Remediation;

/// <summary>The implementer's life in the service: at start, tips a previous process left Initialized or Running
/// end Failed ("interrupted"); at stop, running actions are cancelled and record how they ended.</summary>
internal sealed class TipActionsService : IHostedService
{
    private readonly TipImplementer _implementer;
    private readonly ILogger<TipActionsService> _log;

    public TipActionsService(TipImplementer implementer, ILogger<TipActionsService> log)
    {
        _implementer = implementer;
        _log = log;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var failed = _implementer.FailInterrupted("service");
        if (failed > 0)
        {
            TipsLog.Interrupted(_log, failed, TipImplementer.Interrupted);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _implementer.StopAsync(cancellationToken);
}
