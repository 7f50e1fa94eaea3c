using Monitoring.HealthModel.Alerts;
using Monitoring.Storage.Configurations;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.HealthStores;

/// <summary>Between the health model's <see cref="Alert"/> and its rows.</summary>
internal static class AlertRecordMapping
{
    public static Alert ToAlert(AlertRecord r) => new()
    {
        Id = r.Id,
        Name = r.Name,
        Description = r.Description,
        Severity = Enum.Parse<AlertSeverity>(r.Severity),
        Priority = (AlertPriority)r.Priority,
        ObjectId = r.ObjectId,
        Source = r.Source,
        FromMonitor = r.FromMonitor,
        ResolutionState = new ResolutionState((byte)r.ResolutionState),
        RepeatCount = r.RepeatCount,
        RaisedAt = r.RaisedAt,
        LastModifiedAt = r.LastModifiedAt,
        ResolvedAt = r.ResolvedAt,
        ResolvedBy = r.ResolvedBy,
        Owner = r.Owner,
        Comments = r.Comments.OrderBy(c => c.Id).Select(c => new AlertComment(c.At, c.Author, c.Text)).ToList(),
    };

    /// <summary>Copies everything but the id and the comments onto <paramref name="record"/>.</summary>
    public static void CopyTo(Alert alert, AlertRecord record)
    {
        record.Name = Clip(alert.Name, AlertRecordConfiguration.NameLength);
        record.Description = Clip(alert.Description, AlertRecordConfiguration.DescriptionLength);
        record.Severity = alert.Severity.ToString();
        record.Priority = (int)alert.Priority;
        record.ObjectId = alert.ObjectId;
        record.Source = alert.Source;
        record.FromMonitor = alert.FromMonitor;
        record.ResolutionState = alert.ResolutionState.Value;
        record.IsOpen = alert.IsOpen;
        record.RepeatCount = alert.RepeatCount;
        record.RaisedAt = alert.RaisedAt;
        record.LastModifiedAt = alert.LastModifiedAt;
        record.ResolvedAt = alert.ResolvedAt;
        record.ResolvedBy = ClipOrNull(alert.ResolvedBy, AlertRecordConfiguration.ActorLength);
        record.Owner = ClipOrNull(alert.Owner, AlertRecordConfiguration.ActorLength);
    }

    public static AlertRecord NewRecord(Alert alert)
    {
        var record = new AlertRecord { Name = alert.Name, Description = alert.Description, Severity = alert.Severity.ToString(), ObjectId = alert.ObjectId, Source = alert.Source };
        CopyTo(alert, record);
        return record;
    }

    public static AlertCommentRecord Comment(long alertId, AlertComment comment) => new()
    {
        AlertId = alertId,
        At = comment.At,
        Author = Clip(comment.Author, AlertRecordConfiguration.ActorLength),
        Text = Clip(comment.Text, AlertCommentRecordConfiguration.TextLength),
    };

    /// <summary>Descriptions carry causes the engine writes (a sample, a failure's reason); keep them within the column.</summary>
    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 3)] + "...";

    private static string? ClipOrNull(string? text, int length) => text is null ? null : Clip(text, length);
}
