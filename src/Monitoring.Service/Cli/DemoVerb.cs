using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Core.Collection;
using Monitoring.Service.Collection;
using Monitoring.Service.Configuration;
using Monitoring.Service.Demo;
using Monitoring.Service.Hosting;
using Monitoring.Service.Output;
using Monitoring.Storage;
using Monitoring.Storage.Access;

namespace Monitoring.Service.Cli;

/// <summary><c>demo</c>: builds and starts the vCenter simulator and runs the service against it on the
/// configured database (SQLite by default), printing the inventory, the URLs and a demo-only operator key for the
/// web console (<see cref="DemoOperatorKey"/>); Ctrl+C stops both.
/// <c>demo --once</c> collects once, prints the inventory and exits.</summary>
internal static class DemoVerb
{
    /// <summary>A small estate with every shape the product handles: clusters, standalone hosts, several datastores.</summary>
    internal static readonly string[] ModelArguments = ["-dc", "1", "-cluster", "2", "-host", "3", "-standalone-host", "2", "-vm", "3", "-ds", "2"];

    private const string TargetName = "demo-vcenter";

    public static Command Create(GlobalOptions global)
    {
        var once = new Option<bool>("--once") { Description = "Collect once, print the inventory and exit instead of running the service." };
        var command = new Command("demo", "Start the vCenter simulator and run the service against it (SQLite by default).") { once };
        command.SetAction((parse, ct) => CliApplication.GuardAsync(parse, global, async () =>
        {
            var configuration = ConfigurationLoader.Load(parse.GetValue(global.Config)?.FullName);
            await Console.Error.WriteLineAsync("demo: building the vCenter simulator (govmomi, from Debian packages)...").ConfigureAwait(false);
            var binary = await SimulatorProcess.BuildAsync(ct).ConfigureAwait(false);
            await using var simulator = await SimulatorProcess.StartAsync(binary, ModelArguments, ct).ConfigureAwait(false);
            await Console.Error.WriteLineAsync($"demo: simulator running at {simulator.Endpoint.Url} (pid {simulator.Pid}, certificate SHA-256 {simulator.Endpoint.Thumbprint})").ConfigureAwait(false);

            // The demo replaces the configured targets with the simulator and polls it quickly.
            var demo = configuration with
            {
                Targets = [TargetFor(simulator.Endpoint)],
                Schedule = configuration.Schedule with { FirstPollWithin = TimeSpan.FromSeconds(1) },
            };
            var level = global.LogSettings(parse);
            return parse.GetValue(once)
                ? await CollectOnceAsync(demo, level, ct).ConfigureAwait(false)
                : await RunAsync(demo, simulator, level, ct).ConfigureAwait(false);
        }));
        return command;
    }

    private static TargetDefinition TargetFor(SimulatorEndpoint endpoint) =>
        // The simulator's certificate is self-signed, so the demo pins it: the same way an operator
        // trusts a real ESX host, and never by switching verification off.
        new(
            TargetName,
            TargetKind.VSphere,
            endpoint.Url,
            "demo",
            new Secret("demo"),
            Convert.FromHexString(endpoint.Thumbprint.Replace(":", string.Empty, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30),
            256,
            null);

    private static async Task<int> CollectOnceAsync(LoadedConfiguration configuration, LogSettings level, CancellationToken ct)
    {
        await using var services = new ServiceCollection().AddMonitoring(configuration, level).BuildServiceProvider();
        var database = services.GetRequiredService<MonitoringDatabase>();
        await database.MigrateAsync(ct).ConfigureAwait(false);
        var results = await services.GetRequiredService<InventoryPass>().RunAsync(configuration.Targets, ct).ConfigureAwait(false);
        foreach (var result in results)
        {
            Console.Out.WriteLine(CollectVerb.Describe(result));
        }

        Console.Out.WriteLine();
        await PrintInventoryAsync(services.GetRequiredService<InventoryReader>(), ct).ConfigureAwait(false);
        Console.Out.WriteLine();
        Console.Out.WriteLine($"Stored in {database.Location}; show it again with: monitoring inventory [--json]");
        return results.All(r => r.Succeeded) ? ExitCodes.Success : ExitCodes.TargetFailed;
    }

    private static async Task<int> RunAsync(LoadedConfiguration configuration, SimulatorProcess simulator, LogSettings level, CancellationToken ct)
    {
        await using var app = ServiceHost.Build(configuration, level);
        var run = RunVerb.RunAsync(app, configuration, ct);

        // Show what the first inventory pass found, then where to look.
        var status = app.Services.GetRequiredService<CollectorStatus>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!run.IsCompleted && DateTime.UtcNow < deadline && !status.Latest().Any(o => o.Kind == PassKind.Inventory))
        {
            await Task.Delay(250, ct).ConfigureAwait(false);
        }

        if (!run.IsCompleted)
        {
            await PrintInventoryAsync(app.Services.GetRequiredService<InventoryReader>(), ct).ConfigureAwait(false);
            var baseUrl = configuration.Options.Http.Urls.Split(';')[0].TrimEnd('/');
            var (keyName, key) = await DemoOperatorKey.CreateAsync(app.Services.GetRequiredService<ApiKeyStore>(), TimeProvider.System, ct).ConfigureAwait(false);
            Console.Out.WriteLine();
            Console.Out.WriteLine($"Web console:        {baseUrl}/");
            Console.Out.WriteLine($"Operator API key:   {key}");
            Console.Out.WriteLine($"                    ('{keyName}', made for this demo only and shown this once; the next demo revokes it)");
            Console.Out.WriteLine($"REST API:           {baseUrl}/api/v1/  (OpenAPI: {baseUrl}/openapi/v1.json)");
            Console.Out.WriteLine($"vCenter simulator:  {simulator.Endpoint.Url}");
            Console.Out.WriteLine($"Metrics:            {baseUrl}/metrics");
            Console.Out.WriteLine($"Health, readiness:  {baseUrl}/healthz  {baseUrl}/readyz");
            Console.Out.WriteLine($"Database:           {app.Services.GetRequiredService<MonitoringDatabase>().Location}");
            Console.Out.WriteLine("Press Ctrl+C to stop the service and the simulator.");
        }

        await run.ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static async Task PrintInventoryAsync(InventoryReader reader, CancellationToken ct)
    {
        var inventory = await reader.ReadAsync(includeGone: false, ct).ConfigureAwait(false);
        InventoryVerb.WriteTables(InventoryDocument.From(inventory), Console.Out);
    }
}
