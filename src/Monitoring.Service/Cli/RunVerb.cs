using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitoring.Service.Configuration;
using Monitoring.Service.Hosting;
using Monitoring.Service.Metrics;
using Monitoring.Storage;

namespace Monitoring.Service.Cli;

/// <summary><c>run</c>: the service. Polls every target on its schedule, serves /metrics, /healthz and
/// /readyz, and stops cleanly on Ctrl+C or SIGTERM.</summary>
internal static class RunVerb
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("run", "Run the service: scheduler, collectors and the HTTP listener.");
        command.SetAction((parse, ct) => CliApplication.GuardAsync(parse, global, async () =>
        {
            var configuration = ConfigurationLoader.Load(parse.GetValue(global.Config)?.FullName);
            await using var app = ServiceHost.Build(configuration, global.LogSettings(parse));
            if (configuration.Source is null)
            {
                var logger = app.Services.GetRequiredService<ILogger<ServiceHostMarker>>();
                var database = app.Services.GetRequiredService<MonitoringDatabase>().Location;
                ServiceLog.UsingDefaults(logger, database);
            }

            await RunAsync(app, configuration, ct).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Migrates, seeds the metric labels from what is stored, then runs until cancelled.</summary>
    internal static async Task RunAsync(Microsoft.AspNetCore.Builder.WebApplication app, LoadedConfiguration configuration, CancellationToken cancellationToken)
    {
        var database = app.Services.GetRequiredService<MonitoringDatabase>();
        await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var stored = await app.Services.GetRequiredService<InventoryReader>().ReadAsync(includeGone: false, cancellationToken).ConfigureAwait(false);
        app.Services.GetRequiredService<InventoryCatalog>().Seed(stored);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var logger = app.Services.GetRequiredService<ILogger<ServiceHostMarker>>();
        var urls = configuration.Options.Http.Urls;
        ServiceLog.Listening(logger, urls);
        ListenerTls.LogCertificate(app.Services, logger);
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
    }
}
