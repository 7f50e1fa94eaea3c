using System.Text.Json;
using Monitoring.Remediation.Tips;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.TipStores;

/// <summary>Between the tip the lifecycle works on and its rows.</summary>
internal static class TipRecordMapping
{
    public static TipRecord NewRecord(Tip tip)
    {
        var record = new TipRecord
        {
            Id = tip.Id,
            ConditionKey = tip.ConditionKey,
            Target = tip.Target,
            HostGroup = tip.HostGroup,
            Status = tip.Status.ToString(),
            ActionKind = tip.Action.Kind,
            ActionParameters = "{}",
            Summary = tip.Summary,
            Details = tip.Details,
            Cause = tip.Cause,
            ExpectedEffect = tip.ExpectedEffect,
            Severity = tip.Severity.ToString(),
            RaisedAt = tip.RaisedAt,
        };
        CopyTo(tip, record);
        return record;
    }

    /// <summary>Copies what may change after a tip is raised.</summary>
    public static void CopyTo(Tip tip, TipRecord record)
    {
        record.Status = tip.Status.ToString();
        record.IsOpen = !tip.Status.IsFinal();
        record.Automatic = tip.Automatic;
        record.ActionKind = tip.Action.Kind;
        record.ActionParameters = JsonSerializer.Serialize(tip.Action.Parameters);
        record.Summary = tip.Summary;
        record.Details = tip.Details;
        record.Cause = tip.Cause;
        record.ExpectedEffect = tip.ExpectedEffect;
        record.Priority = tip.Priority;
        record.Severity = tip.Severity.ToString();
        record.UpdatedAt = tip.UpdatedAt;
        record.Result = tip.Result;
    }

    public static TipHistoryRecord History(string tipId, int position, TipTransition transition) => new()
    {
        TipId = tipId,
        Position = position,
        At = transition.At,
        Status = transition.Status.ToString(),
        By = transition.By,
        Note = transition.Note,
    };

    public static Tip ToTip(TipRecord record)
    {
        var parameters = JsonSerializer.Deserialize<Dictionary<string, string>>(record.ActionParameters) ?? [];
        var tip = new Tip
        {
            Id = record.Id,
            ConditionKey = record.ConditionKey,
            Target = record.Target,
            HostGroup = record.HostGroup,
            Status = Enum.Parse<TipStatus>(record.Status),
            Automatic = record.Automatic,
            Action = new TipAction(record.ActionKind, new Dictionary<string, string>(parameters, StringComparer.Ordinal)),
            Summary = record.Summary,
            Details = record.Details,
            Cause = record.Cause,
            ExpectedEffect = record.ExpectedEffect,
            Priority = record.Priority,
            Severity = Enum.Parse<TipSeverity>(record.Severity),
            RaisedAt = record.RaisedAt,
            UpdatedAt = record.UpdatedAt,
            Result = record.Result,
        };
        tip.History.AddRange(record.History.OrderBy(h => h.Position)
            .Select(h => new TipTransition(h.At, Enum.Parse<TipStatus>(h.Status), h.By, h.Note)));
        return tip;
    }
}
