using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.IntegrationTests.Sources.VSphere;
using Xunit;

namespace Monitoring.IntegrationTests.Sources.WinRM;

/// <summary>Faults of WinRM hosts, each on a target of its own in one pass: every failure is named with its
/// kind and reason, and the healthy targets are stored all the same.</summary>
public sealed class WinRMFaultTests
{
    private const string Profile = "windows-2008r2";

    [Fact]
    public async Task CollectOnce_EachFaultOnItsOwnTarget_NamesItAndTheOtherTargetsAreStored()
    {
        var endpoints = new Dictionary<string, WsManEndpoint>();
        try
        {
            foreach (var name in (string[])["ok", "badpass", "hang", "slow", "slowok", "notxml", "truncated", "denied", "quota", "timedout", "gap", "gone"])
            {
                endpoints[name] = await WsManEndpoint.StartAsync(Profile);
            }

            endpoints["hang"].Mode = WsManEndpointMode.Hang;
            endpoints["slow"].Delay = TimeSpan.FromSeconds(10);
            endpoints["slowok"].Delay = TimeSpan.FromSeconds(1);
            endpoints["notxml"].Mode = WsManEndpointMode.NotXml;
            endpoints["truncated"].Mode = WsManEndpointMode.Truncated;
            endpoints["denied"].Faults["Win32_ComputerSystem"] = WsManEndpoint.CapturedFault(0x80041003, "w:AccessDenied", "Access denied ");
            endpoints["quota"].Faults["Win32_ComputerSystem"] = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "wsman", "WinRb-WinRM", "wmi_error_v2.xml"));
            endpoints["timedout"].Faults["Win32_ComputerSystem"] = WsManEndpoint.CapturedFault(2150858793, "w:TimedOut", "The WS-Management service cannot complete the operation within the time specified in OperationTimeout. ");
            endpoints["gap"].Faults["Win32_LogicalDisk"] = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "wsman", "WinRb-WinRM", "soap_fault_v2.xml"));
            var goneTarget = endpoints["gone"].Target("gone", "Windows");
            await endpoints["gone"].DisposeAsync();
            endpoints.Remove("gone");

            using var workspace = new Workspace();
            var targets = endpoints.Select(e => e.Key == "badpass" ? e.Value.Target(e.Key, "Windows", password: "wrong-password") : e.Value.Target(e.Key, "Windows"))
                .Append(goneTarget)
                .Select(t =>
                {
                    // Short where the test waits for the timeout; the product's default elsewhere, so a busy
                    // machine does not turn a healthy target into a timeout.
                    t["TimeoutSeconds"] = t["Name"] is "hang" or "slow" ? 3 : 30;
                    return t;
                })
                .ToArray();
            var config = workspace.WriteConfig(targets);

            var collect = await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", config);

            Assert.Equal(1, collect.ExitCode);
            var lines = collect.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToDictionary(l => l[..l.IndexOf(':', StringComparison.Ordinal)], l => l);
            Assert.StartsWith("ok: ok: 0 datacenters, 0 clusters, 1 hosts, 0 VMs, 2 datastores", lines["ok"], StringComparison.Ordinal);
            Assert.StartsWith("slowok: ok: ", lines["slowok"], StringComparison.Ordinal);
            Assert.StartsWith("gap: ok: 0 datacenters, 0 clusters, 1 hosts, 0 VMs, 0 datastores", lines["gap"], StringComparison.Ordinal);
            Assert.EndsWith(" (gaps: Win32_LogicalDisk)", lines["gap"].TrimEnd(), StringComparison.Ordinal);
            Assert.DoesNotContain("gaps:", lines["ok"], StringComparison.Ordinal);
            Assert.Contains("badpass: FAILED (authentication): the listener refused the credentials of user 'monitor' (Basic, HTTP 401)", lines["badpass"], StringComparison.Ordinal);
            Assert.Contains("hang: FAILED (timeout): Enumerate: no complete reply within 3 s (TimeoutSeconds)", lines["hang"], StringComparison.Ordinal);
            Assert.Contains("slow: FAILED (timeout): Enumerate: no complete reply within 3 s", lines["slow"], StringComparison.Ordinal);
            Assert.Contains("notxml: FAILED (protocol): Enumerate: the reply is not well-formed XML", lines["notxml"], StringComparison.Ordinal);
            Assert.Contains("truncated: FAILED (protocol): Enumerate: the reply is not well-formed XML", lines["truncated"], StringComparison.Ordinal);
            Assert.Contains("denied: FAILED (permission): root/cimv2: SELECT * FROM Win32_ComputerSystem: Access denied (wsman:AccessDenied, code 0x80041003 on vagrant-2008R2)", lines["denied"], StringComparison.Ordinal);
            Assert.Contains("quota: FAILED (protocol): root/cimv2: SELECT * FROM Win32_ComputerSystem: The WS-Management service cannot process the request. This user is allowed a maximum number of 30 concurrent shells", lines["quota"], StringComparison.Ordinal);
            Assert.Contains("(wsman:QuotaLimit, code 0x803381A5)", lines["quota"], StringComparison.Ordinal);
            Assert.Contains("timedout: FAILED (timeout): root/cimv2: SELECT * FROM Win32_ComputerSystem: The WS-Management service cannot complete the operation within the time specified in OperationTimeout. (wsman:TimedOut, code 0x80338029", lines["timedout"], StringComparison.Ordinal);
            Assert.Contains("gone: FAILED (unreachable): Enumerate: cannot connect", lines["gone"], StringComparison.Ordinal);
            Assert.DoesNotContain("wrong-password", collect.Stdout + collect.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("winrm-test-pass", collect.Stdout + collect.Stderr, StringComparison.Ordinal);

            var stored = await VCenterInventoryTests.ReadInventoryAsync(workspace, config);
            Assert.Equal(["gap", "ok", "slowok"], stored.GetProperty("hosts").EnumerateArray().Select(h => h.GetProperty("target").GetString()).Order(StringComparer.Ordinal));
        }
        finally
        {
            foreach (var endpoint in endpoints.Values)
            {
                await endpoint.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task CollectOnce_EnumerationContextExpiresMidPull_StartsOverAndStoresEveryVm()
    {
        await using var endpoint = await WsManEndpoint.StartAsync("hyperv-2016");
        endpoint.PageSize = 1;
        endpoint.Mode = WsManEndpointMode.ExpireContexts;
        using var workspace = new Workspace();
        var config = workspace.WriteConfig(endpoint.Target("hv", "HyperV"));

        var collect = await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", config);

        Assert.True(collect.ExitCode == 0, collect.ToString());
        var stored = await VCenterInventoryTests.ReadInventoryAsync(workspace, config);
        Assert.Equal(
            ServedReply.Instances("hyperv-2016", "Msvm_ComputerSystem").Select(m => m["ElementName"]).Order(StringComparer.Ordinal),
            stored.GetProperty("vms").EnumerateArray().Select(v => v.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(WsManEndpointMode.Normal, endpoint.Mode); // the expiry happened
        Assert.True(endpoint.Requests("Pull") > 0);
    }
}
