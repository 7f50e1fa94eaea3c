using System.Text.Json.Serialization;

namespace Monitoring.Service.Api.Maintenance;

/// <summary>A maintenance window: <c>{ id, object | hostGroup, from, to, reason, createdBy }</c>.</summary>
internal sealed record MaintenanceWindowView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("object")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ObjectId,
    [property: JsonPropertyName("hostGroup")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? HostGroup,
    [property: JsonPropertyName("from")] DateTimeOffset From,
    [property: JsonPropertyName("to")] DateTimeOffset To,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("createdBy")] string CreatedBy)
{
    public static MaintenanceWindowView Of(Monitoring.HealthModel.Maintenance.MaintenanceWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var prefix = Monitoring.HealthModel.Model.HostGroup.IdPrefix;
        var isGroup = window.Scope.StartsWith(prefix, StringComparison.Ordinal);
        return new MaintenanceWindowView(window.Id, isGroup ? null : window.Scope, isGroup ? window.Scope[prefix.Length..] : null, window.Start, window.End, window.Reason, window.CreatedBy);
    }
}
