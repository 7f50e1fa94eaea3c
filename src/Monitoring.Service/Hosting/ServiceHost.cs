using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitoring.Service.Api;
using Monitoring.Service.Api.Access;
using Monitoring.Service.Configuration;
using Monitoring.Service.Metrics;
using Monitoring.Service.WebConsole;
using Monitoring.Storage;
using Quartz;

namespace Monitoring.Service.Hosting;

/// <summary>The long-running service: scheduler, collectors and the HTTP listener in one generic host.
/// Runs as a console app, under systemd (notify) or as a Windows service.</summary>
internal static class ServiceHost
{
    public static WebApplication Build(LoadedConfiguration configuration, LogSettings log)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders(); // ours log to stderr; the default console logger writes to stdout
        builder.Services.AddMonitoring(configuration, log).AddMonitoringService(configuration);
        builder.Services.AddSystemd();
        builder.Services.AddWindowsService();
        builder.WebHost.UseUrls(configuration.Options.Http.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.AddMonitoringApi(configuration);

        var app = builder.Build();
        app.UseMonitoringApi();
        app.MapGet("/metrics", MetricsEndpoint.HandleAsync).RequireKeyWhen(configuration.Options.Http.MetricsRequireKey);
        app.MapGet("/healthz", () => Results.Text("ok\n")).RequireKeyWhen(configuration.Options.Http.HealthRequireKey);
        app.MapGet("/readyz", ReadyAsync).RequireKeyWhen(configuration.Options.Http.HealthRequireKey);
        app.MapWebConsole();
        return app;
    }

    /// <summary>Ready when the database answers and the scheduler runs; says which is not.</summary>
    private static async Task<IResult> ReadyAsync(MonitoringDatabase database, ISchedulerFactory schedulers, CancellationToken ct)
    {
        var problems = new List<string>();
        try
        {
            await using var context = database.CreateContext();
            if (!await context.Database.CanConnectAsync(ct).ConfigureAwait(false))
            {
                problems.Add("database: cannot connect");
            }
        }
        catch (System.Data.Common.DbException e)
        {
            problems.Add($"database: {e.Message}");
        }

        var scheduler = await schedulers.GetScheduler(ct).ConfigureAwait(false);
        var status = await scheduler.GetStatus(ct).ConfigureAwait(false);
        if (status != SchedulerStatus.Running)
        {
            problems.Add($"scheduler: {status.ToString().ToLowerInvariant()}");
        }

        return problems.Count == 0
            ? Results.Text("ready\n")
            : Results.Text(string.Join('\n', problems) + "\n", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
