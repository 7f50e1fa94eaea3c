using System.Net;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Remediation;

/// <summary>The ticket's end-to-end proof, through the running service against the real simulator: a cluster whose
/// VMs were all relocated onto one host (by pyvmomi) gets migration tips; implementing one with an operator key moves
/// the VM for real (pyvmomi, an independent client, sees it on the tip's destination) and the tip ends Resolved; a
/// tip whose VM was destroyed meanwhile ends Failed with the server's <c>ManagedObjectNotFound</c>; a reader key is
/// refused with 403.</summary>
public sealed class TipImplementThroughServiceTests
{
    private readonly ITestOutputHelper _output;

    public TipImplementThroughServiceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Implement_MigrationTipsOfAPiledUpCluster_MovesTheVmForRealAndAVmDestroyedMeanwhileFailsWithManagedObjectNotFound()
    {
        await using var run = await PiledClusterRun.StartAsync(vms: 6, _output);
        var tips = await run.WaitForMigrationTipsAsync(atLeast: 2);
        var moved = tips[0];
        var gone = tips[1];
        var movedId = moved["id"]!.GetValue<string>();
        var goneId = gone["id"]!.GetValue<string>();
        var http = run.Service.Http;

        // A reader may look but not act.
        using (var asReader = new HttpRequestMessage(HttpMethod.Post, new Uri(run.Service.BaseUrl, $"/api/v1/tips/{movedId}/implement")))
        {
            asReader.Headers.Add("X-Api-Key", run.ReaderKey);
            using var client = new HttpClient();
            using var refused = await client.SendAsync(asReader);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        // The second tip's VM disappears behind the service's back; then both are implemented at once, well before
        // the balancer's next pass could revise them.
        await PyVmomi.ActAsync(run.Simulator, "destroy", await run.NameOfAsync(gone["action"]!["vm"]!.GetValue<string>()));
        using var first = await http.PostAsync(new Uri(run.Service.BaseUrl, $"/api/v1/tips/{movedId}/implement"), null);
        using var second = await http.PostAsync(new Uri(run.Service.BaseUrl, $"/api/v1/tips/{goneId}/implement"), null);
        Assert.True(first.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, await first.Content.ReadAsStringAsync());
        Assert.True(second.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, await second.Content.ReadAsStringAsync());

        var resolved = await run.WaitForFinalAsync(movedId);
        var failed = await run.WaitForFinalAsync(goneId);

        Assert.Equal("Resolved", resolved["status"]!.GetValue<string>());
        var action = resolved["action"]!; // as implemented: a balancer pass may refresh an Active tip's destination
        Assert.NotEqual(action["from"]!.GetValue<string>(), action["to"]!.GetValue<string>());
        Assert.Equal(action["to"]!.GetValue<string>(), await run.HostOfAsync(action["vm"]!.GetValue<string>()));
        Assert.Contains(resolved["history"]!.AsArray(), h => h!["note"]?.GetValue<string>() is { } note && note.Contains("RelocateVM_Task", StringComparison.Ordinal));
        Assert.Contains(resolved["history"]!.AsArray(), h => h!["by"]!.GetValue<string>() == "key:tips-operator");

        Assert.Equal("Failed", failed["status"]!.GetValue<string>());
        Assert.Contains("ManagedObjectNotFound", failed["result"]!.GetValue<string>(), StringComparison.Ordinal);

        // A final tip cannot be implemented again; the password never reached the log.
        using var again = await http.PostAsync(new Uri(run.Service.BaseUrl, $"/api/v1/tips/{movedId}/implement"), null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.DoesNotContain(Simulator.Password, run.Service.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, await run.Service.StopAsync(TimeSpan.FromSeconds(40)));
    }
}
