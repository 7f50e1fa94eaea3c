using Monitoring.Core.Collection;

namespace Monitoring.Tests.Support;

/// <summary>Target definitions as the configuration would hand them to a collector.</summary>
internal static class TestTargets
{
    public static TargetDefinition VSphere(
        string username = "svc-monitor",
        string password = "Tr0ub4dor&3-not-for-logs",
        TimeSpan? timeout = null,
        IReadOnlyList<byte>? thumbprint = null,
        string name = "vc01") =>
        new(name, TargetKind.VSphere, new Uri("https://vc01.example.net/sdk"), username, new Secret(password), thumbprint, timeout ?? TimeSpan.FromSeconds(30), 256, null);
}
