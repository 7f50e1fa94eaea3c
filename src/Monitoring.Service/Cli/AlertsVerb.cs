using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Monitoring.HealthModel.Alerts;
using Monitoring.Service.Api.Alerts;
using Monitoring.Service.HealthHosting;
using Monitoring.Storage.Access;
using Monitoring.Storage.HealthStores;

namespace Monitoring.Service.Cli;

/// <summary><c>alerts [--json] [--all]</c>, <c>alerts ack ID [--comment T]</c>, <c>alerts close ID [--comment T]</c>.</summary>
/// <remarks>The database is the truth: these read and change the same rows as the running service and its API, so they
/// work whether or not the service runs. Every change is in the alert's comments and in the audit trail as <c>cli:USER</c>.</remarks>
internal static class AlertsVerb
{
    private static string Actor => "cli:" + Environment.UserName;

    public static Command Create(GlobalOptions global)
    {
        var json = new Option<bool>("--json") { Description = "Print the JSON list alone (the contract's alert items)." };
        var all = new Option<bool>("--all") { Description = "Include closed alerts." };
        var command = new Command("alerts", "Show open alerts; acknowledge or close one.") { json, all };
        command.SetAction((parse, ct) => CliApplication.GuardAsync(parse, global, async () =>
        {
            await using var context = await VerbContext.OpenAsync(parse, global, ct).ConfigureAwait(false);
            var desk = context.Get<AlertDesk>();
            var (alerts, _) = desk.Store.Query(new AlertQuery(parse.GetValue(all) ? null : true, null, null, null, 0, int.MaxValue));
            var inMaintenance = await desk.MaintenanceAsync(ct).ConfigureAwait(false);
            var views = alerts.Select(a => AlertView.From(a, inMaintenance(a.ObjectId))).ToList();
            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(views, JsonOutput.Options)).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var table = new Output.TextTable("ID", "SEVERITY", "NAME", "OBJECT", "STATE", "REPEATS", "RAISED", "MAINTENANCE");
            foreach (var a in views)
            {
                table.Add(a.Id.ToString(CultureInfo.InvariantCulture), a.Severity, a.Name, a.ObjectId, desk.Tracker.ResolutionStates.NameOf(new ResolutionState((byte)a.ResolutionState)),
                    a.RepeatCount.ToString(CultureInfo.InvariantCulture), a.RaisedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), a.InMaintenance ? "yes" : null);
            }

            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{views.Count} alerts")).ConfigureAwait(false);
            table.WriteTo(Console.Out);
            return ExitCodes.Success;
        }));
        command.Subcommands.Add(ActionCommand(global, "ack", "Acknowledge an alert (resolution state 249).", "alerts.ack", (t, id, comment) => t.Acknowledge(id, Actor, comment)));
        command.Subcommands.Add(ActionCommand(global, "close", "Close an alert (resolution state 255).", "alerts.close", (t, id, comment) => t.Close(id, Actor, comment)));
        return command;
    }

    private static Command ActionCommand(GlobalOptions global, string name, string description, string auditAction, Func<AlertTracker, long, string?, Alert> act)
    {
        var id = new Argument<long>("id") { Description = "The alert's id (the ID column of 'alerts')." };
        var comment = new Option<string>("--comment") { Description = "A comment kept with the change." };
        var command = new Command(name, description) { id, comment };
        command.SetAction((parse, ct) => CliApplication.GuardAsync(parse, global, async () =>
        {
            await using var context = await VerbContext.OpenAsync(parse, global, ct).ConfigureAwait(false);
            var alertId = parse.GetValue(id);
            var audit = context.Get<AuditTrail>();
            var time = context.Get<TimeProvider>();
            try
            {
                var alert = act(context.Get<AlertDesk>().Tracker, alertId, parse.GetValue(comment));
                await audit.RecordAsync(AuditTrail.Entry(time.GetUtcNow(), Actor, auditAction, $"alert {alertId}", AuditTrail.Succeeded, null), ct).ConfigureAwait(false);
                await Console.Out.WriteLineAsync($"alert {alert.Id} ({alert.Name} on {alert.ObjectId}): {context.Get<AlertDesk>().Tracker.ResolutionStates.NameOf(alert.ResolutionState)}").ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (AlertOperationException e)
            {
                await audit.RecordAsync(AuditTrail.Entry(time.GetUtcNow(), Actor, auditAction, $"alert {alertId}", AuditTrail.Refused, null), ct).ConfigureAwait(false);
                await Console.Error.WriteLineAsync($"alerts {name}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.TargetFailed;
            }
        }));
        return command;
    }
}
