using Monitoring.Service.Configuration;

namespace Monitoring.Tests.Support;

/// <summary>A configuration loaded as the service loads it (environment-style keys, no file): one vCenter target
/// named <c>vc01</c>, plus the settings a test adds.</summary>
internal static class TestConfiguration
{
    public static LoadedConfiguration OneVCenter(params (string Key, string Value)[] settings)
    {
        var environment = new Dictionary<string, string?>
        {
            ["Monitoring__Targets__0__Name"] = "vc01",
            ["Monitoring__Targets__0__Kind"] = "vSphere",
            ["Monitoring__Targets__0__Address"] = "https://vc01.example.net/sdk",
            ["Monitoring__Targets__0__Username"] = "svc-monitor",
            ["Monitoring__Targets__0__Password"] = "not-for-logs",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return ConfigurationLoader.Load(null, environment);
    }
}
