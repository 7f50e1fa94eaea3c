using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Monitoring.Remediation.Tips;
using Monitoring.Service.Api.Tips;
using Monitoring.Service.Remediation;
using Monitoring.Storage.Access;
using Monitoring.Storage.TipStores;

namespace Monitoring.Service.Cli;

/// <summary><c>tips [--json] [--status S]</c>, <c>tips implement ID [--wait]</c>, <c>tips dismiss ID</c>, <c>tips whatif [--json]</c>.</summary>
/// <remarks>The database is the truth: these read and change the same rows as the running service and its API.
/// <c>tips implement</c> runs the action here, in this process, through the same implementer the service uses, and
/// waits until it ends: the tip leaves Active once (whoever moves it first wins), so the action runs exactly once,
/// whether the service runs or not. Interrupting it (Ctrl+C) fails the tip as interrupted.</remarks>
internal static class TipsVerb
{
    private static readonly Dictionary<string, TipStatus> s_statuses = Enum.GetValues<TipStatus>().ToDictionary(s => s.ToString(), StringComparer.OrdinalIgnoreCase);

    private static string Actor => "cli:" + Environment.UserName;

    public static Command Create(GlobalOptions global)
    {
        var json = new Option<bool>("--json") { Description = "Print the JSON list alone (the contract's tip items)." };
        var status = new Option<string>("--status") { Description = "Only tips in this status (Active, Initialized, Running, Resolved, Failed, Dismissed, Closed)." };
        var command = new Command("tips", "Show PRO tips; implement or dismiss one; show what the balancer would do now.") { json, status };
        command.SetAction((parse, ct) => CliApplication.GuardAsync(parse, global, async () =>
        {
            TipStatus? filter = null;
            if (parse.GetValue(status) is { } word)
            {
                if (!s_statuses.TryGetValue(word, out var parsed))
                {
                    await Console.Error.WriteLineAsync($"tips: --status {word} is not a status; use one of {string.Join(", ", Enum.GetNames<TipStatus>())}").ConfigureAwait(false);
                    return ExitCodes.UsageError;
                }

                filter = parsed;
            }

            await using var context = await VerbContext.OpenAsync(parse, global, ct).ConfigureAwait(false);
            var (tips, _) = context.Get<EfTipStore>().Query(new TipQuery(filter, null, 0, int.MaxValue));
            var nameOf = await context.Get<IObjectNames>().LookupAsync(ct).ConfigureAwait(false);
            var views = tips.Select(t => TipView.From(t, nameOf)).ToList();
            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(views, JsonOutput.Options)).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var table = new Output.TextTable("ID", "STATUS", "PRIORITY", "TARGET", "SUMMARY", "RAISED", "RESULT");
            foreach (var t in views)
            {
                table.Add(t.Id, t.Status + (t.Automatic ? " (auto)" : string.Empty), t.Priority.ToString(CultureInfo.InvariantCulture), t.Target, t.Summary,
                    t.RaisedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), t.Result);
            }

            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{views.Count} tips")).ConfigureAwait(false);
            table.WriteTo(Console.Out);
            return ExitCodes.Success;
        }));
        command.Subcommands.Add(ImplementCommand(global));
        command.Subcommands.Add(DismissCommand(global));
        command.Subcommands.Add(WhatIfCommand(global));
        return command;
    }

    private static Command ImplementCommand(GlobalOptions global)
    {
        var id = new Argument<string>("id") { Description = "The tip's id (the ID column of 'tips')." };
        var wait = new Option<bool>("--wait") { Description = "When another process (the service) is implementing the tip already, follow it until it ends instead of refusing." };
        var command = new Command("implement", "Implement an Active tip: runs its action here and waits until it ends (exit 1 when it fails, with the reason).") { id, wait };
        command.SetAction((parse, ct) => CliApplication.GuardAsync(parse, global, async () =>
        {
            await using var context = await VerbContext.OpenAsync(parse, global, ct).ConfigureAwait(false);
            var tipId = parse.GetValue(id)!;
            var implementer = context.Get<TipImplementer>();
            Tip tip;
            try
            {
                tip = implementer.Implement(tipId, Actor, automatic: false);
                await AuditAsync(context, "tips.implement", tipId, AuditTrail.Succeeded, ct).ConfigureAwait(false);
            }
            catch (TipOperationException e) when (!e.NotFound && parse.GetValue(wait) && context.Get<TipLifecycle>().Get(tipId).Status is TipStatus.Initialized or TipStatus.Running)
            {
                await Console.Error.WriteLineAsync($"tips implement: tip {tipId} is being implemented elsewhere; following it").ConfigureAwait(false);
                tip = context.Get<TipLifecycle>().Get(tipId);
            }
            catch (TipOperationException e)
            {
                await AuditAsync(context, "tips.implement", tipId, AuditTrail.Refused, ct).ConfigureAwait(false);
                await Console.Error.WriteLineAsync($"tips implement: {e.Message}").ConfigureAwait(false);
                return ExitCodes.TargetFailed;
            }

            try
            {
                tip = await implementer.WaitForFinalAsync(tip.Id, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: the action this process runs cannot go on without it; it ends Failed (interrupted).
                await implementer.StopAsync(CancellationToken.None).ConfigureAwait(false);
                throw;
            }

            await Console.Out.WriteLineAsync($"tip {tip.Id} ({tip.Summary}): {tip.Status}{(tip.Result is null ? string.Empty : ": " + tip.Result)}").ConfigureAwait(false);
            if (tip.Status == TipStatus.Resolved)
            {
                return ExitCodes.Success;
            }

            await Console.Error.WriteLineAsync($"tips implement: tip {tip.Id} {tip.Status}: {tip.Result ?? "no reason recorded"}").ConfigureAwait(false);
            return ExitCodes.TargetFailed;
        }));
        return command;
    }

    private static Command DismissCommand(GlobalOptions global)
    {
        var id = new Argument<string>("id") { Description = "The tip's id (the ID column of 'tips')." };
        var command = new Command("dismiss", "Dismiss an Active tip.") { id };
        command.SetAction((parse, ct) => CliApplication.GuardAsync(parse, global, async () =>
        {
            await using var context = await VerbContext.OpenAsync(parse, global, ct).ConfigureAwait(false);
            var tipId = parse.GetValue(id)!;
            try
            {
                var tip = context.Get<TipLifecycle>().Dismiss(tipId, Actor);
                await AuditAsync(context, "tips.dismiss", tipId, AuditTrail.Succeeded, ct).ConfigureAwait(false);
                await Console.Out.WriteLineAsync($"tip {tip.Id} ({tip.Summary}): {tip.Status}").ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (TipOperationException e)
            {
                await AuditAsync(context, "tips.dismiss", tipId, AuditTrail.Refused, ct).ConfigureAwait(false);
                await Console.Error.WriteLineAsync($"tips dismiss: {e.Message}").ConfigureAwait(false);
                return ExitCodes.TargetFailed;
            }
        }));
        return command;
    }

    private static Command WhatIfCommand(GlobalOptions global)
    {
        var json = new Option<bool>("--json") { Description = "Print the plan as JSON alone (as GET /api/v1/tips/whatif)." };
        var command = new Command("whatif", "Show the moves the balancer would propose now, per cluster, without raising tips or acting.") { json };
        command.SetAction((parse, ct) => CliApplication.GuardAsync(parse, global, async () =>
        {
            await using var context = await VerbContext.OpenAsync(parse, global, ct).ConfigureAwait(false);
            var plan = WhatIfView.From(await context.Get<BalancerPlanner>().PlanAsync(ct).ConfigureAwait(false));
            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(plan, JsonOutput.Options)).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            foreach (var cluster in plan.Clusters)
            {
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{cluster.Name} ({cluster.Cluster}): imbalance {cluster.ImbalanceBefore:F3} -> {cluster.ImbalanceAfter:F3}, {cluster.Moves.Count} move(s)")).ConfigureAwait(false);
            }

            var table = new Output.TextTable("CLUSTER", "VM", "FROM", "TO", "PRIORITY");
            foreach (var cluster in plan.Clusters)
            {
                foreach (var move in cluster.Moves)
                {
                    table.Add(cluster.Name, move.VmName, move.FromName, move.ToName, move.Priority.ToString(CultureInfo.InvariantCulture));
                }
            }

            if (plan.Clusters.Sum(c => c.Moves.Count) == 0)
            {
                await Console.Out.WriteLineAsync("The balancer would move nothing now.").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            table.WriteTo(Console.Out);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Task AuditAsync(VerbContext context, string action, string tipId, string outcome, CancellationToken ct) =>
        context.Get<AuditTrail>().RecordAsync(AuditTrail.Entry(context.Get<TimeProvider>().GetUtcNow(), Actor, action, $"tip {tipId}", outcome, null), ct);
}
