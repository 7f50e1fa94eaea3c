using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Monitoring.Benchmarks;

// bench --vcsim PATH [--keep]                the benchmark (scripts/bench.sh builds Release and runs this)
// bench capture URL THUMBPRINT FOLDER FILE    internal: the capture run, in a process of its own
// bench passes URL THUMBPRINT FOLDER N [--allocations]
//                                             N passes of ours against a running simulator, one database,
//                                             each step timed (and, with --allocations, what each pass
//                                             allocated, by type): for profilers (perf record), not for figures
// bench scrape [VMS]                          /metrics scrape of VMS VMs (default 10,000) beside prometheus-net alone (scripts/bench-scrape.sh)
// bench publish [VMS]                         publishing a first and later passes of VMS VMs (default 20,000) to /metrics (scripts/bench-scrape.sh publish)
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    return args switch
    {
        ["capture", var url, var thumbprint, var folder, var file] => await CaptureAsync(new Uri(url), thumbprint, folder, file, cancel.Token),
        ["scrape"] => await Monitoring.Benchmarks.Scrape.ScrapeBench.RunAsync(10_000, cancel.Token),
        ["scrape", var vms] => await Monitoring.Benchmarks.Scrape.ScrapeBench.RunAsync(int.Parse(vms, CultureInfo.InvariantCulture), cancel.Token),
        ["publish"] => Monitoring.Benchmarks.Scrape.PublishBench.Run(20_000),
        ["publish", var vms] => Monitoring.Benchmarks.Scrape.PublishBench.Run(int.Parse(vms, CultureInfo.InvariantCulture)),
        ["passes", var url, var thumbprint, var folder, var count] => await PassesAsync(new Uri(url), thumbprint, folder, int.Parse(count, CultureInfo.InvariantCulture), allocations: false, cancel.Token),
        ["passes", var url, var thumbprint, var folder, var count, "--allocations"] => await PassesAsync(new Uri(url), thumbprint, folder, int.Parse(count, CultureInfo.InvariantCulture), allocations: true, cancel.Token),
        _ => await BenchAsync(args, cancel.Token),
    };
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("bench: cancelled");
    return 130;
}

static async Task<int> BenchAsync(string[] args, CancellationToken ct)
{
    const string usage = "usage: bench --vcsim PATH [--rounds N] [--keep]";
    var vcsim = ValueOf(args, "--vcsim") ?? throw new ArgumentException(usage);
    var keep = args.Contains("--keep");
    var roundCount = ValueOf(args, "--rounds") is { } given
        ? int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 0 and <= 50 ? parsed : throw new ArgumentException($"--rounds must be a whole number from 0 to 50, not '{given}'; {usage}")
        : 5;
    string[] model = ["-dc", "1", "-cluster", "20", "-host", "50", "-standalone-host", "0", "-vm", "1000", "-ds", "1"];
    foreach (var difference in RuntimeSettings.DifferencesFromService())
    {
        Log($"WARNING: runtime setting differs from the service's, so ours is not measured as it ships: {difference}");
    }

    var work = Directory.CreateTempSubdirectory("monitoring-bench-").FullName;
    try
    {
        Log($"starting the simulator ({string.Join(' ', model)}); a 20,000-VM model takes about 30 s");
        var started = Stopwatch.StartNew();
        await using var simulator = await SimulatorHost.StartAsync(vcsim, model, ct);
        Log($"simulator pid {simulator.Pid} at {simulator.Url} after {started.Elapsed.TotalSeconds:0} s");

        // The request bodies come from a run of the product itself, in another process, so this one
        // starts every measured phase cold and its memory peaks are its own. Its first pass gives the first
        // pass's requests (logins, the counter catalog); its second pass what every later pass sends.
        Log("capturing the product's requests (two unmeasured passes in a child process)");
        var captureFile = Path.Combine(work, "requests.bin");
        await RunCaptureProcessAsync(simulator, Path.Combine(work, "capture"), captureFile, ct);
        var first = FloorScript.From(CaptureFile.Read(captureFile));
        var next = FloorScript.From(CaptureFile.Read(captureFile + ".next"));
        Log($"captured {first.Requests.Count} + {next.Requests.Count} requests, {(first.BodyBytes + next.BodyBytes) / 1024d / 1024d:0.0} MB of bodies");

        // The floor twice: one QueryPerf at a time (the order on the wire exactly), and as many at once as
        // ours sends. Ours is compared with the faster of the two. Each floor replays both passes on one
        // session, as ours runs them.
        var inFlight = Monitoring.Sources.VSphere.VSpherePerformanceCollector.QueryPerfInFlight;
        Log("measuring the raw floor, one QueryPerf at a time");
        var (firstOneByOne, nextOneByOne) = await MeasureFloorAsync(simulator, first, next, 1, ct);
        Log($"measuring the raw floor, {inFlight} QueryPerf at once");
        var (firstInFlight, nextInFlight) = await MeasureFloorAsync(simulator, first, next, inFlight, ct);
        first = next = null; // the prebuilt bodies (~10 MB) are garbage before ours is measured

        Log("measuring ours: the first pass of a fresh process, then the next pass");
        var oursFolder = Directory.CreateDirectory(Path.Combine(work, "ours")).FullName;
        await using var ours = await OursRun.CreateAsync(oursFolder, simulator.Url, simulator.Thumbprint, capture: null, ct);
        var (firstOurs, firstStages) = await MeasureOursAsync("ours, first pass", simulator, ours, ct);
        var (nextOurs, nextStages) = await MeasureOursAsync("ours, next pass", simulator, ours, ct);
        var stored = await ours.DescribeStoredAsync(ct);
        Log($"stored in {ours.DatabasePath}: {stored}");
        Log($"measuring {roundCount} more rounds of the next pass, floor and ours alternating");
        var rounds = await MeasureRoundsAsync(simulator, ours, captureFile, inFlight, roundCount, ct);

        Console.WriteLine();
        Console.WriteLine($"simulator model: {string.Join(' ', model)}");
        Console.WriteLine();
        Console.Write(Report.Format(
            "FIRST PASS of a fresh process (cold: JIT compilation, login, the counter catalog; once per service start)",
            firstOneByOne, firstInFlight, firstOurs, firstStages, inFlight));
        Console.WriteLine();
        Console.Write(Report.Format(
            "NEXT PASS on the same process and session (warm: what every later inventory and realtime pass costs)",
            nextOneByOne, nextInFlight, nextOurs, nextStages, inFlight));
        Console.WriteLine($"stored after both passes: {stored}");
        Console.WriteLine();
        Console.Write(RoundsReport.Format(rounds));
        if (!Report.RequestsMatch(firstOneByOne, firstOurs) || !Report.RequestsMatch(firstInFlight, firstOurs)
            || !Report.RequestsMatch(nextOneByOne, nextOurs) || !Report.RequestsMatch(nextInFlight, nextOurs)
            || rounds.Any(r => !Report.RequestsMatch(r.OneByOne, r.Ours) || !Report.RequestsMatch(r.InFlight, r.Ours)))
        {
            await Console.Error.WriteLineAsync("bench: the two sides sent different requests; the comparison is void");
            return 1;
        }

        return 0;
    }
    finally
    {
        if (keep)
        {
            Log($"kept {work}");
        }
        else
        {
            Directory.Delete(work, recursive: true);
        }
    }
}

static async Task<(PhaseResult First, PhaseResult Next)> MeasureFloorAsync(SimulatorHost simulator, FloorScript first, FloorScript next, int inFlight, CancellationToken ct)
{
    using var floor = new FloorRun(simulator.Url, simulator.Thumbprint);
    var firstPass = await MeasureFloorPassAsync("first pass", simulator, floor, first, inFlight, ct);
    var nextPass = await MeasureFloorPassAsync("next pass", simulator, floor, next, inFlight, ct);
    return (firstPass, nextPass);
}

// Later passes, several times: one floor and one ours are one sample each, and the simulator's time for the
// same requests varies from phase to phase. Each round replays the next pass's requests on one floor session
// (logged in by an unmeasured replay of the first pass) and runs ours' next pass; even rounds start with ours.
static async Task<IReadOnlyList<LaterRound>> MeasureRoundsAsync(SimulatorHost simulator, OursRun ours, string captureFile, int inFlight, int count, CancellationToken ct)
{
    var rounds = new List<LaterRound>(count);
    if (count == 0)
    {
        return rounds;
    }

    var next = FloorScript.From(CaptureFile.Read(captureFile + ".next"));
    using var floor = new FloorRun(simulator.Url, simulator.Thumbprint);
    _ = await floor.RunAsync(FloorScript.From(CaptureFile.Read(captureFile)), inFlight, ct);
    for (var round = 1; round <= count; round++)
    {
        PhaseResult? oursPass = null;
        if (round % 2 == 0)
        {
            (oursPass, _) = await MeasureOursAsync($"ours, round {round}", simulator, ours, ct);
        }

        var oneByOne = await MeasureFloorPassAsync($"round {round}", simulator, floor, next, 1, ct);
        var atOnce = await MeasureFloorPassAsync($"round {round}", simulator, floor, next, inFlight, ct);
        if (oursPass is null)
        {
            (oursPass, _) = await MeasureOursAsync($"ours, round {round}", simulator, ours, ct);
        }

        rounds.Add(new LaterRound(oneByOne, atOnce, oursPass));
    }

    return rounds;
}

static Task<PhaseResult> MeasureFloorPassAsync(string pass, SimulatorHost simulator, FloorRun floor, FloorScript script, int inFlight, CancellationToken ct) =>
    PhaseMeter.MeasureAsync($"raw floor, {inFlight} at once, {pass}", simulator, async () => (script.CountByMethod(), await floor.RunAsync(script, inFlight, ct)));

static async Task<(PhaseResult Result, IReadOnlyList<StageTiming> Stages)> MeasureOursAsync(string name, SimulatorHost simulator, OursRun ours, CancellationToken ct)
{
    IReadOnlyList<StageTiming> stages = [];
    var result = await PhaseMeter.MeasureAsync(name, simulator, async () =>
    {
        var (requests, timings) = await ours.RunAsync(ct);
        stages = timings;
        return (requests, 0L);
    });
    return (result, stages);
}

static async Task<int> CaptureAsync(Uri url, string thumbprint, string folder, string file, CancellationToken ct)
{
    Directory.CreateDirectory(folder);
    var requests = new List<CapturedRequest>();
    await using (var run = await OursRun.CreateAsync(folder, url, thumbprint, requests, ct))
    {
        // Each pass's requests in a file of its own. Two passes also warm the simulator up: a fresh one
        // answered the same requests up to 40 % slower on its first passes, which would favour whichever
        // measured phase runs later.
        foreach (var pass in new[] { file, file + ".next" })
        {
            _ = await run.RunAsync(ct);
            lock (requests)
            {
                CaptureFile.Write(pass, [.. requests]);
                requests.Clear();
            }
        }
    }

    return 0;
}

static async Task<int> PassesAsync(Uri url, string thumbprint, string folder, int count, bool allocations, CancellationToken ct)
{
    Directory.CreateDirectory(folder);
    await using var run = await OursRun.CreateAsync(folder, url, thumbprint, capture: null, ct);
    using var sampler = allocations ? new AllocationSampler() : null;
    for (var pass = 1; pass <= count; pass++)
    {
        sampler?.TakeAndReset();
        var (_, stages) = await run.RunAsync(ct);
        if (sampler is not null)
        {
            foreach (var (type, bytes) in sampler.TakeAndReset().OrderByDescending(kv => kv.Value).Take(30))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pass {pass}: allocated {bytes / 1048576d,8:0.0} MB {type}"));
            }
        }

        foreach (var stage in stages)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pass {pass}: {stage.Name,-34} {stage.Wall.TotalSeconds,6:0.00} s wall {stage.Cpu.TotalSeconds,6:0.00} s CPU {stage.Allocated / 1048576d,8:0.0} MB allocated {stage.Jit.TotalSeconds,6:0.00} s JIT {stage.JitMethods,6} methods {stage.GcPause.TotalSeconds,6:0.00} s GC pause"));
        }
    }

    return 0;
}

static async Task RunCaptureProcessAsync(SimulatorHost simulator, string folder, string file, CancellationToken ct)
{
    var self = Environment.ProcessPath!;
    var start = new ProcessStartInfo(self) { UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(self) == "dotnet")
    {
        start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
    }

    foreach (var argument in new[] { "capture", simulator.Url.ToString(), simulator.Thumbprint, folder, file })
    {
        start.ArgumentList.Add(argument);
    }

    using var child = Process.Start(start) ?? throw new InvalidOperationException("cannot start the capture process");
    try
    {
        await child.WaitForExitAsync(ct);
    }
    catch (OperationCanceledException)
    {
        child.Kill();
        throw;
    }

    if (child.ExitCode != 0)
    {
        throw new InvalidOperationException($"the capture run failed (exit {child.ExitCode})");
    }
}

static string? ValueOf(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static void Log(string message) =>
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: {DateTime.Now:HH:mm:ss} {message}"));
