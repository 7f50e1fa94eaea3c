using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Monitoring.Service.Output;
using Monitoring.Storage;

namespace Monitoring.Service.Cli;

/// <summary><c>inventory [--json] [--all]</c>: hosts and VMs (and the VMs' virtual disks) from the database.</summary>
internal static class InventoryVerb
{
    public static Command Create(GlobalOptions global)
    {
        var json = new Option<bool>("--json") { Description = "Print the JSON document alone: { \"hosts\": [...], \"vms\": [...] }." };
        var all = new Option<bool>("--all") { Description = "Include objects that are gone from their target." };
        var command = new Command("inventory", "Show the stored hosts and VMs.") { json, all };
        command.SetAction((parse, ct) => CliApplication.GuardAsync(parse, global, async () =>
        {
            await using var context = await VerbContext.OpenAsync(parse, global, ct).ConfigureAwait(false);
            var inventory = await context.Get<InventoryReader>().ReadAsync(parse.GetValue(all), ct).ConfigureAwait(false);
            var document = InventoryDocument.From(inventory);
            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(document, JsonOutput.Options)).ConfigureAwait(false);
            }
            else
            {
                WriteTables(document, Console.Out);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    internal static void WriteTables(InventoryDocument document, TextWriter output)
    {
        var vmsPerHost = document.Vms.Where(v => v.HostId is not null).GroupBy(v => v.HostId!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var hosts = new TextTable("TARGET", "HOST", "CLUSTER", "HYPERVISOR", "HEALTH", "CPUS", "MEMORY", "VMS", "GONE");
        foreach (var h in document.Hosts)
        {
            hosts.Add(h.Target, h.Name, h.Cluster, h.Hypervisor, h.Health, Number(h.CpuCount), Sizes.Format(h.MemoryBytes), Number(vmsPerHost.GetValueOrDefault(h.Id)), Gone(h.GoneAt));
        }

        var vms = new TextTable("TARGET", "VM", "HOST", "POWER", "HEALTH", "CPUS", "MEMORY", "GONE");
        foreach (var v in document.Vms)
        {
            vms.Add(v.Target, v.Name, v.Host, v.PowerState, v.Health, Number(v.CpuCount), Sizes.Format(v.MemoryBytes), Gone(v.GoneAt));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{document.Hosts.Count} hosts"));
        hosts.WriteTo(output);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{document.Vms.Count} VMs"));
        vms.WriteTo(output);
        WriteDisks(document, output);
    }

    /// <summary>The VMs' virtual disks, when any source listed some (a vSphere-only estate prints no such table).</summary>
    private static void WriteDisks(InventoryDocument document, TextWriter output)
    {
        var disks = new TextTable("TARGET", "VM", "DISK", "CAPACITY", "FORMAT", "GONE");
        var count = 0;
        foreach (var v in document.Vms)
        {
            foreach (var d in v.Disks ?? [])
            {
                disks.Add(v.Target, v.Name, d.Path, Sizes.Format(d.CapacityBytes), d.Differencing == true ? d.Format + " (differencing)" : d.Format, Gone(d.GoneAt));
                count++;
            }
        }

        if (count > 0)
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} virtual disks"));
            disks.WriteTo(output);
        }
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Gone(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
