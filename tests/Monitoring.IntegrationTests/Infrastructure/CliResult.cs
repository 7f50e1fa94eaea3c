namespace Monitoring.IntegrationTests.Infrastructure;

/// <summary>What a run of the command line gave back.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
