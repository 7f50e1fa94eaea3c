using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Monitoring.Storage;

/// <summary>Applies pending migrations one at a time, saying which, so the command line can show progress.</summary>
public static class StepwiseMigration
{
    /// <summary>Applies each pending migration in order, telling <paramref name="onMigration"/> its position
    /// (1-based), the count and its name before it runs; then does what <see cref="MonitoringDatabase.MigrateAsync"/>
    /// does after migrating (SQLite: WAL mode).</summary>
    public static async Task MigrateStepwiseAsync(this MonitoringDatabase database, Action<int, int, string> onMigration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(onMigration);
        await using (var context = database.CreateContext())
        {
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
            var migrator = context.GetService<IMigrator>();
            for (var i = 0; i < pending.Count; i++)
            {
                onMigration(i + 1, pending.Count, pending[i]);
                await migrator.MigrateAsync(pending[i], cancellationToken).ConfigureAwait(false);
            }
        }

        // Nothing is pending any more: this only finishes the provider's set-up.
        await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }
}
