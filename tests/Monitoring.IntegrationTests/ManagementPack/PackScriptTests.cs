using System.Net;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;

namespace Monitoring.IntegrationTests.ManagementPack;

/// <summary>What the running service cannot be made to answer on demand: the readiness monitor's script against an
/// endpoint that answers /readyz with 503, then 200. Every other script runs against the real service
/// (<see cref="PackScriptsAgainstServiceTests"/>).</summary>
public sealed class PackScriptTests : IAsyncLifetime
{
    private FakeEngineApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeEngineApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task TestEngineReadiness_NotReadyThenReady_ReportsBoth()
    {
        var parameters = new Dictionary<string, object> { ["ApiUrl"] = _api.Url.ToString(), ["TimeoutSeconds"] = 30 };

        _api.Readiness = HttpStatusCode.ServiceUnavailable;
        var notReady = Assert.Single((await PackScript.RunAsync("Test-EngineReadiness.ps1", parameters)).GetProperty("bags").EnumerateArray());
        _api.Readiness = HttpStatusCode.OK;
        var ready = Assert.Single((await PackScript.RunAsync("Test-EngineReadiness.ps1", parameters)).GetProperty("bags").EnumerateArray());

        Assert.Equal("false", notReady.GetProperty("Ready").GetString());
        Assert.Contains("503", notReady.GetProperty("Detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("true", ready.GetProperty("Ready").GetString());
    }
}
