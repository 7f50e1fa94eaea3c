using System.CommandLine;
using Microsoft.Extensions.Logging;
using Monitoring.Service.Cli.Progress;
using Monitoring.Storage;

namespace Monitoring.Service.Cli;

/// <summary><c>db migrate</c>: applies migrations and exits.</summary>
internal static class DbVerb
{
    public static Command Create(GlobalOptions global)
    {
        var migrate = new Command("migrate", "Apply database migrations and exit.");
        migrate.SetAction((parse, ct) => CliApplication.GuardAsync(parse, global, async () =>
        {
            // Opening the context applies the migrations; saying so is all that is left.
            await using var context = await CliProgress.RunAsync("db migrate", 0, sink => VerbContext.OpenAsync(parse, global, ct, sink)).ConfigureAwait(false);
            var logger = context.Get<ILogger<MonitoringDatabase>>();
            var location = context.Get<MonitoringDatabase>().Location;
            ServiceLog.Migrated(logger, location);
            return ExitCodes.Success;
        }));
        return new Command("db", "Database maintenance.") { migrate };
    }
}
