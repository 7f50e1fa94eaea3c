using System.CommandLine;
using System.Globalization;
using Monitoring.Core.Collection;
using Monitoring.Service.Cli.Progress;
using Monitoring.Service.Collection;

namespace Monitoring.Service.Cli;

/// <summary><c>collect --once</c>: one full pass over every target, stored; a line per target.</summary>
internal static class CollectVerb
{
    public static Command Create(GlobalOptions global)
    {
        var once = new Option<bool>("--once") { Description = "Run one full pass and exit (the scheduled service is the verb run)." };
        var command = new Command("collect", "Collect every configured target once and store the result.") { once };
        command.SetAction((parse, ct) => CliApplication.GuardAsync(parse, global, async () =>
        {
            if (!parse.GetValue(once))
            {
                await Console.Error.WriteLineAsync("collect: add --once (one pass, then exit)").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            await using var context = await VerbContext.OpenAsync(parse, global, ct).ConfigureAwait(false);
            var targets = context.Configuration.Targets;
            if (targets.Count == 0)
            {
                await Console.Error.WriteLineAsync("collect: no targets are configured (Monitoring:Targets)").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            // A first inventory of a large vCenter takes minutes: progress on stderr says which targets are done.
            var results = await CliProgress.RunAsync("collect", targets.Count, sink =>
            {
                sink.Step($"polling {targets.Count} target(s)");
                return context.Get<InventoryPass>().RunAsync(targets, ct, r => sink.Completed($"{r.Target} {(r.Succeeded ? "done" : "FAILED")}"));
            }).ConfigureAwait(false);
            foreach (var result in results)
            {
                Console.Out.WriteLine(Describe(result));
            }

            return results.All(r => r.Succeeded) ? ExitCodes.Success : ExitCodes.TargetFailed;
        }));
        return command;
    }

    /// <summary>One line: the target, ok or FAILED, then what was read or why not.</summary>
    internal static string Describe(TargetResult result)
    {
        var seconds = result.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        if (result is { Snapshot: { } s, Changes: { } c })
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{result.Target}: ok: {s.Datacenters.Count} datacenters, {s.Clusters.Count} clusters, {s.Hosts.Count} hosts, {s.Vms.Count} VMs, {s.Datastores.Count} datastores{DisksNote(s.VirtualDisks.Count)} ({c.Added} new, {c.Updated} updated, {c.MarkedGone} gone) in {seconds} s{GapsNote(s.Gaps)}");
        }

        var kind = (result.FailureKind ?? FailureKind.Protocol).ToString().ToLowerInvariant();
        return $"{result.Target}: FAILED ({kind}): {result.Error} after {seconds} s";
    }

    /// <summary>", N virtual disks" for sources that list them, else nothing (the line of a vSphere target is unchanged).</summary>
    private static string DisksNote(int disks) =>
        disks == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", {disks} virtual disks");

    /// <summary>" (gaps: a, b)" when the target lacks optional items, else nothing.</summary>
    private static string GapsNote(IReadOnlyList<string> gaps) =>
        gaps.Count == 0 ? string.Empty : $" (gaps: {string.Join(", ", gaps)})";
}
