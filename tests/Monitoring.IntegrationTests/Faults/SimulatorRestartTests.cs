using System.Diagnostics;
using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.Service.Demo;
using Xunit;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Faults;

/// <summary>The simulator killed mid-run: its target turns unhealthy (unreachable) within the timeout while
/// the other target carries on; started again on the same address it is collected again.</summary>
public sealed class SimulatorRestartTests
{
    private const string Target = "vc1";
    private const int TimeoutSeconds = 3;
    private const int RealtimeIntervalSeconds = 5;
    private const int InventoryIntervalSeconds = 10;

    private readonly ITestOutputHelper _output;

    public SimulatorRestartTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Run_SimulatorKilledThenRestarted_TargetUnreachableThenRecovers()
    {
        var simulator = await Simulator.StartAsync(FaultRun.SmallModel);
        SimulatorProcess? restarted = null;
        try
        {
            var port = simulator.Endpoint.Url.Port;
            await using var run = await FaultRun.StartAsync(
                new { FirstPollWithinSeconds = 1, RealtimeIntervalSeconds, InventoryIntervalSeconds },
                FaultRun.Target(Target, simulator.Endpoint.Url, simulator.Endpoint.Thumbprint, TimeoutSeconds));
            var up = await run.WaitForAsync("both targets collected", TimeSpan.FromSeconds(60), m =>
                m.Pass(ServiceMetrics.Success, HealthyTarget.Name, "realtime") == 1 &&
                m.Pass(ServiceMetrics.Success, Target, "inventory") == 1 &&
                m.Pass(ServiceMetrics.Success, Target, "realtime") == 1);
            run.Healthy.Begin(up);
            var datastores = await StoredDatastoreFoldersAsync(run);

            // A crash, not a shutdown: SIGKILL by PID, so the server says nothing and removes nothing.
            var clock = Stopwatch.StartNew();
            using (var process = Process.GetProcessById(simulator.Pid))
            {
                process.Kill();
                await process.WaitForExitAsync();
            }

            // Its datastore folders are left behind by the crash; they are ours to clean.
            foreach (var folder in datastores)
            {
                Directory.Delete(folder, recursive: true);
            }

            var down = await run.WaitForAsync("the killed target failing as unreachable", TimeSpan.FromSeconds(30), m =>
                m.Pass(ServiceMetrics.Success, Target, "realtime") == 0 && m.ErrorsOf(Target, "realtime", "unreachable") > up.ErrorsOf(Target, "realtime", "unreachable"));
            _output.WriteLine($"realtime failure seen {clock.Elapsed.TotalSeconds:0.0} s after the kill");
            Assert.InRange(clock.Elapsed.TotalSeconds, 0, RealtimeIntervalSeconds + TimeoutSeconds + 4);
            down = await run.WaitForAsync("its inventory pass failing as unreachable", TimeSpan.FromSeconds(30), m =>
                m.Pass(ServiceMetrics.Success, Target, "inventory") == 0 && m.ErrorsOf(Target, "inventory", "unreachable") > up.ErrorsOf(Target, "inventory", "unreachable"));
            _output.WriteLine($"inventory failure seen {clock.Elapsed.TotalSeconds:0.0} s after the kill; removed datastore folders: {string.Join(", ", datastores)}");
            _output.WriteLine(string.Join('\n', run.LogLines(Target, "failed").Take(2)));
            run.AssertNoCrash(Target);
            Assert.InRange(clock.Elapsed.TotalSeconds, 0, InventoryIntervalSeconds + TimeoutSeconds + 4);
            Assert.InRange(down.Pass(ServiceMetrics.Duration, Target, "inventory")!.Value, 0, TimeoutSeconds + 1);
            Assert.Equal(["inventory/unreachable", "realtime/unreachable"], down.NewErrors(up, Target).Keys.Order(StringComparer.Ordinal));
            await run.AssertAliveAsync();

            // Back on the same address. The simulator makes a new certificate on every start, so the
            // operator pins the new one; the service reloads its targets from the file without a restart.
            restarted = await Simulator.StartAsync([.. FaultRun.SmallModel, "-listen", $"127.0.0.1:{port}"]);
            Assert.Equal(simulator.Endpoint.Url, restarted.Endpoint.Url);
            run.WriteTargets(FaultRun.Target(Target, restarted.Endpoint.Url, restarted.Endpoint.Thumbprint, TimeoutSeconds));
            var recovered = await run.WaitForAsync("the restarted target collected again", TimeSpan.FromSeconds(45), m =>
                m.Pass(ServiceMetrics.Success, Target, "realtime") == 1 && m.Pass(ServiceMetrics.Success, Target, "inventory") == 1);
            Assert.True(recovered.Pass(ServiceMetrics.LastSuccess, Target, "inventory") > up.Pass(ServiceMetrics.LastSuccess, Target, "inventory"));
            _output.WriteLine($"recovered {clock.Elapsed.TotalSeconds:0.0} s after the kill");
            await run.AssertHealthyAsync();
            Assert.Equal(0, await run.StopAsync());
        }
        finally
        {
            await simulator.DisposeAsync();
            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }
        }
    }

    /// <summary>The simulator backs each datastore with a temporary folder, named in its managed-object id
    /// (<c>/tmp/govcsim-...@folder-5</c>): the stored datastore ids say where.</summary>
    private static async Task<List<string>> StoredDatastoreFoldersAsync(FaultRun run)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={run.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\" FROM \"Datastores\" WHERE \"Target\" = $target";
        command.Parameters.AddWithValue("$target", Target);
        var folders = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var native = reader.GetString(0)[(Target.Length + 1)..];
            var folder = native[..native.LastIndexOf('@')];
            if (folder.StartsWith(Path.GetTempPath(), StringComparison.Ordinal) && Path.GetFileName(folder).StartsWith("govcsim-", StringComparison.Ordinal) && Directory.Exists(folder))
            {
                folders.Add(folder);
            }
        }

        return folders;
    }
}
