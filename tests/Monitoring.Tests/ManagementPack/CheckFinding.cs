namespace Monitoring.Tests.ManagementPack;

/// <summary>One thing the checker found, with a message that names the element.</summary>
internal sealed record CheckFinding(FindingKind Kind, string Message)
{
    public override string ToString() => $"{Kind}: {Message}";
}
