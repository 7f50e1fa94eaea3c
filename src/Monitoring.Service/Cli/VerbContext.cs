using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitoring.Service.Cli.Progress;
using Monitoring.Service.Configuration;
using Monitoring.Storage;

namespace Monitoring.Service.Cli;

/// <summary>What a verb works with: the loaded configuration, its migrated database and the services.</summary>
internal sealed class VerbContext : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private VerbContext(ServiceProvider services, LoadedConfiguration configuration)
    {
        _services = services;
        Configuration = configuration;
    }

    public LoadedConfiguration Configuration { get; }

    public IServiceProvider Services => _services;

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Loads the configuration named by <c>--config</c> and brings its database up to date,
    /// so a new database file just works.</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="options">The global options.</param>
    /// <param name="cancellationToken">Cancels loading and migrating.</param>
    /// <param name="progress">When given, each pending migration is applied in turn and reported to it.</param>
    public static async Task<VerbContext> OpenAsync(ParseResult parse, GlobalOptions options, CancellationToken cancellationToken, IProgressSink? progress = null)
    {
        var file = parse.GetValue(options.Config);
        var configuration = ConfigurationLoader.Load(file?.FullName);
        var services = new ServiceCollection().AddMonitoring(configuration, options.LogSettings(parse)).BuildServiceProvider();
        var context = new VerbContext(services, configuration);
        try
        {
            var database = context.Get<MonitoringDatabase>();
            var logger = context.Get<ILogger<VerbContext>>();
            if (configuration.Source is null)
            {
                ServiceLog.UsingDefaults(logger, database.Location);
            }

            if (progress is null)
            {
                await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await database.MigrateStepwiseAsync((i, n, name) => progress.Step($"applying migration {i}/{n}: {name}"), cancellationToken).ConfigureAwait(false);
            }

            return context;
        }
        catch
        {
            await context.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
