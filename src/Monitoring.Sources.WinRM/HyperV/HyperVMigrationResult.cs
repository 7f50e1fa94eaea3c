namespace Monitoring.Sources.WinRM.HyperV;

/// <summary>How a live migration ended: <paramref name="Message"/> is the host's own words on failure (the job's
/// <c>ErrorDescription</c>, or the method's return code and its meaning), a short confirmation on success.</summary>
public sealed record HyperVMigrationResult(bool Succeeded, string Message);
