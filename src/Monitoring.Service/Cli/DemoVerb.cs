using System.CommandLine;
using Monitoring.Core.Collection;
using Monitoring.Service.Collection;
using Monitoring.Service.Demo;
using Monitoring.Service.Output;
using Monitoring.Storage;

namespace Monitoring.Service.Cli;

/// <summary><c>demo</c>: builds and starts the vCenter simulator, collects it once into the configured
/// database (SQLite by default) and prints the inventory.</summary>
internal static class DemoVerb
{
    /// <summary>A small estate with every shape the product handles: clusters, standalone hosts, several datastores.</summary>
    internal static readonly string[] ModelArguments = ["-dc", "1", "-cluster", "2", "-host", "3", "-standalone-host", "2", "-vm", "3", "-ds", "2"];

    private const string TargetName = "demo-vcenter";

    public static Command Create(GlobalOptions global)
    {
        var command = new Command("demo", "Start the vCenter simulator, collect it into the database and show the inventory.");
        command.SetAction((parse, ct) => CliApplication.GuardAsync(parse, global, async () =>
        {
            await using var context = await VerbContext.OpenAsync(parse, global, ct).ConfigureAwait(false);
            await Console.Error.WriteLineAsync("demo: building the vCenter simulator (govmomi, from Debian packages)...").ConfigureAwait(false);
            var binary = await SimulatorProcess.BuildAsync(ct).ConfigureAwait(false);
            await using var simulator = await SimulatorProcess.StartAsync(binary, ModelArguments, ct).ConfigureAwait(false);
            var endpoint = simulator.Endpoint;
            await Console.Error.WriteLineAsync($"demo: simulator running at {endpoint.Url} (pid {simulator.Pid}, certificate SHA-256 {endpoint.Thumbprint})").ConfigureAwait(false);

            // The simulator's certificate is self-signed, so the demo pins it: the same way an operator
            // trusts a real ESX host, and never by switching verification off.
            var target = new TargetDefinition(
                TargetName,
                TargetKind.VSphere,
                endpoint.Url,
                "demo",
                new Secret("demo"),
                Convert.FromHexString(endpoint.Thumbprint.Replace(":", string.Empty, StringComparison.Ordinal)),
                TimeSpan.FromSeconds(30),
                256,
                null);
            var results = await context.Get<InventoryPass>().RunAsync([target], ct).ConfigureAwait(false);
            foreach (var result in results)
            {
                Console.Out.WriteLine(CollectVerb.Describe(result));
            }

            Console.Out.WriteLine();
            var inventory = await context.Get<InventoryReader>().ReadAsync(includeGone: false, ct).ConfigureAwait(false);
            InventoryVerb.WriteTables(InventoryDocument.From(inventory), Console.Out);
            Console.Out.WriteLine();
            Console.Out.WriteLine($"Stored in {context.Get<MonitoringDatabase>().Location}; show it again with: monitoring inventory [--json]");
            return results.All(r => r.Succeeded) ? ExitCodes.Success : ExitCodes.TargetFailed;
        }));
        return command;
    }
}
