namespace Monitoring.Service.Cli;

/// <summary>The contract's exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A target or an action failed; each failure is named on its own line.</summary>
    public const int TargetFailed = 1;

    /// <summary>Usage or configuration error.</summary>
    public const int UsageError = 2;
}
