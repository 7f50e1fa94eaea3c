namespace Monitoring.Remediation.Tips;

/// <summary>How urgent a tip is, in the alert words of the contract (ours <c>Critical</c> = OpsMgr
/// <c>Error</c>). Automatic mode picks tips by it: off, Critical only, or Warning and Critical.</summary>
public enum TipSeverity
{
    Information,
    Warning,
    Critical,
}
