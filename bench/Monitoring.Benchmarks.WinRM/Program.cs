using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Benchmarks.WinRM;
using Monitoring.Core.Collection;
using Monitoring.Sources.WinRM;
using Monitoring.Sources.WinRM.HyperV;

// bench-winrm [--hosts N] [--concurrency C] [--delay-ms D] [--warm-rounds W]   the benchmark (scripts/bench-winrm.sh)
// bench-winrm serve FOLDER DELAY_MS                            internal: the reply server, in a child process
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

if (args is ["serve", var folder, var delay])
{
    return await ReplyServer.RunAsync(folder, int.Parse(delay, CultureInfo.InvariantCulture), cancel.Token);
}

var hosts = Option("--hosts", 1000);
var concurrency = Option("--concurrency", 32);
var delayMs = Option("--delay-ms", 50);

// Several warm rounds: one round's CPU figure moves with whatever else the machine does, the median less.
var warmRounds = Math.Max(1, Option("--warm-rounds", 3));

// The reply server in a child process: its CPU is not ours.
var self = Environment.ProcessPath!;
var serverStart = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true };
foreach (var a in (string[])["serve", Path.Combine(AppContext.BaseDirectory, "replies"), delayMs.ToString(CultureInfo.InvariantCulture)])
{
    serverStart.ArgumentList.Add(a);
}

using var server = Process.Start(serverStart)!;
try
{
    var line = (await server.StandardOutput.ReadLineAsync(cancel.Token))!.Split(' ');
    var url = new Uri(line[0]);
    var thumbprint = Convert.FromHexString(line[1]);
    Log($"reply server pid {server.Id} at {url}, {delayMs} ms added to every request");

    var targets = Enumerable.Range(1, hosts).Select(i => new TargetDefinition(
        $"hv{i:0000}", TargetKind.HyperV, url, ReplyServer.User, new Secret(ReplyServer.Password), thumbprint,
        TimeSpan.FromSeconds(30), 256, "Basic")).ToList();
    var recorder = new CountingRecorder();
    using var pool = new WinRMSessionPool(NullLogger<WinRMSessionPool>.Instance, recorder);
    var inventory = new HyperVCollector(pool, NullLogger<HyperVCollector>.Instance, TimeProvider.System);
    var realtime = new HyperVPerformanceCollector(pool, NullLogger<HyperVPerformanceCollector>.Instance, TimeProvider.System);

    Console.WriteLine();
    Console.WriteLine($"WinRM benchmark: {hosts} Hyper-V hosts (root/virtualization/v2, 4 VMs each), {concurrency} polled at once, +{delayMs} ms per request");
    Console.WriteLine($"machine: {Environment.ProcessorCount} CPUs; load average before: {LoadAverage()}");
    Console.WriteLine("round   hosts/min   CPU ms/host poll   requests/host poll   wall s   failures");
    var warmCpu = new List<double>();
    foreach (var round in (string[])["cold", .. Enumerable.Range(1, warmRounds).Select(i => $"warm {i}")])
    {
        GC.Collect();
        var requestsBefore = recorder.Total;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var failures = 0;
        await Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancel.Token }, async (target, ct) =>
        {
            try
            {
                var snapshot = await inventory.CollectInventoryAsync(target, ct);
                var batch = await realtime.CollectRealtimeAsync(target, ct);
                if (snapshot.Vms.Count != 4 || batch.Samples.Count == 0)
                {
                    Interlocked.Increment(ref failures);
                }
            }
            catch (TargetFailureException e)
            {
                if (Interlocked.Increment(ref failures) == 1)
                {
                    Log($"first failure: {target.Name}: {e.Message}");
                }
            }
        });
        wall.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var requests = recorder.Total - requestsBefore;
        if (round != "cold")
        {
            warmCpu.Add(cpu.TotalMilliseconds / hosts);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{round,-7} {hosts / wall.Elapsed.TotalMinutes,9:0}   {cpu.TotalMilliseconds / hosts,16:0.00}   {(double)requests / hosts,18:0.0}   {wall.Elapsed.TotalSeconds,6:0.0}   {failures,8}"));
    }

    warmCpu.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm CPU ms/host poll, median of {warmCpu.Count}: {warmCpu[warmCpu.Count / 2]:0.00}"));
    Console.WriteLine($"load average after: {LoadAverage()}");
    Console.WriteLine("goal (ticket 4): >= 1,000 Hyper-V hosts/min, < 5 ms CPU per host poll");
    return 0;
}
finally
{
    server.StandardInput.Close();
    if (!server.WaitForExit(5000))
    {
        server.Kill();
    }
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static void Log(string message) => Console.Error.WriteLine($"bench-winrm: {message}");
