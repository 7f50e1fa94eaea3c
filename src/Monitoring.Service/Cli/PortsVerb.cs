using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Monitoring.Service.Configuration;
using Monitoring.Service.Output;
using Monitoring.Service.Ports;
using Monitoring.Storage;

namespace Monitoring.Service.Cli;

/// <summary><c>ports [--check] [--json]</c>: the connections this configuration makes, with protocol, host, port and
/// purpose; <c>--check</c> tests each and names those that do not answer (exit 1).</summary>
internal static class PortsVerb
{
    /// <summary>Longest wait per connection when checking.</summary>
    private static readonly TimeSpan s_checkTimeout = TimeSpan.FromSeconds(10);

    public static Command Create(GlobalOptions global)
    {
        var check = new Option<bool>("--check") { Description = "Test each connection (TCP, then HTTP(S) with TLS verified; the database opens; the listener answers or is free)." };
        var json = new Option<bool>("--json") { Description = "Print the JSON document alone: { \"connections\": [...] }." };
        var command = new Command("ports", "The connections this configuration makes: protocols, hosts, ports and purposes.") { check, json };
        command.SetAction((parse, ct) => CliApplication.GuardAsync(parse, global, async () =>
        {
            var configuration = ConfigurationLoader.Load(parse.GetValue(global.Config)?.FullName);
            var planned = ConnectionPlan.From(configuration, Environment.GetEnvironmentVariable);
            var checks = new ConnectionCheck?[planned.Count];
            if (parse.GetValue(check))
            {
                var checker = new ConnectionChecker(s_checkTimeout, token => OpenDatabaseAsync(configuration, token));
                var results = await Task.WhenAll(planned.Select(p => checker.CheckAsync(p, ct))).ConfigureAwait(false);
                results.CopyTo(checks, 0);
            }

            var documents = planned.Select((p, i) => PortDocument.From(p, checks[i])).ToList();
            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { connections = documents }, JsonOutput.Options)).ConfigureAwait(false);
            }
            else
            {
                WriteTable(documents, Console.Out);
            }

            var failed = documents.Where(d => d.Check is { Ok: false }).ToList();
            foreach (var f in failed)
            {
                await Console.Error.WriteLineAsync($"ports: {f.Kind} {f.Name} ({Endpoint(f)}): FAILED: {f.Check!.Detail}").ConfigureAwait(false);
            }

            return failed.Count == 0 ? ExitCodes.Success : ExitCodes.TargetFailed;
        }));
        return command;
    }

    private static async Task OpenDatabaseAsync(LoadedConfiguration configuration, CancellationToken cancellationToken)
    {
        var storage = configuration.Options.Storage;
        var database = MonitoringDatabase.Create(storage.Provider, storage.ConnectionString, configuration.BaseDirectory);
        await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteTable(IReadOnlyList<PortDocument> documents, TextWriter output)
    {
        var withCheck = documents.Any(d => d.Check is not null);
        string[] headers = withCheck
            ? ["KIND", "NAME", "DIRECTION", "PROTOCOL", "HOST", "PORT", "PURPOSE", "CHECK"]
            : ["KIND", "NAME", "DIRECTION", "PROTOCOL", "HOST", "PORT", "PURPOSE"];
        var table = new TextTable(headers);
        foreach (var d in documents)
        {
            string?[] cells = [d.Kind, d.Name, d.Direction, d.Protocol, d.Host ?? d.Address, d.Port?.ToString(CultureInfo.InvariantCulture), d.Purpose];
            table.Add(withCheck ? [.. cells, d.Check is { } c ? $"{(c.Ok ? "ok" : "FAILED")}: {c.Detail}" : null] : cells);
        }

        table.WriteTo(output);
    }

    private static string Endpoint(PortDocument d) => d.Port is { } port ? $"{d.Host}:{port}" : d.Address;
}
