namespace Monitoring.Storage.HealthStores;

/// <summary>A filtered, paged read of the stored alerts (the API's and the command line's lists).</summary>
/// <param name="Open">True: open alerts only; false: closed only; null: all.</param>
/// <param name="Severity">Information, Warning or Critical; null for any.</param>
/// <param name="ObjectId">One object's alerts; null for any.</param>
/// <param name="Target">Alerts on one target's objects (and on the target itself); null for any.</param>
/// <param name="Offset">Items to skip.</param>
/// <param name="Limit">Items to return.</param>
public sealed record AlertQuery(bool? Open, string? Severity, string? ObjectId, string? Target, int Offset, int Limit);
