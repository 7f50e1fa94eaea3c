namespace Monitoring.Benchmarks;

/// <summary>What one measured phase cost this process (and the simulator beside it).</summary>
/// <param name="Name">Which phase, e.g. "raw floor, 4 at once" or "ours".</param>
/// <param name="Wall">Elapsed time.</param>
/// <param name="Cpu">This process's CPU time (user plus system, all threads) during the phase.</param>
/// <param name="SimulatorCpu">The simulator's CPU time during the phase: the server's share of the work.</param>
/// <param name="RssAtStart">Resident set size when the phase started (after a full GC).</param>
/// <param name="PeakRss">Peak resident set size (VmHWM) at the end of the phase.</param>
/// <param name="PeakWasReset">True when the peak was reset at the phase's start, so it is this phase's own.</param>
/// <param name="Allocated">Managed bytes allocated during the phase (GC.GetTotalAllocatedBytes delta).</param>
/// <param name="PeakHeap">Largest managed heap size seen at the end of a GC during the phase.</param>
/// <param name="Gen0">Gen0 collections during the phase.</param>
/// <param name="Gen2">Gen2 collections during the phase.</param>
/// <param name="Requests">SOAP requests sent, per method.</param>
/// <param name="ReplyBytes">Reply bytes read (the floor counts them; ours leaves it 0).</param>
/// <param name="LoadAtStart">The machine's 1-minute load average when the phase started: other work on
/// the machine slows both sides, the simulator first.</param>
internal sealed record PhaseResult(
    string Name,
    TimeSpan Wall,
    TimeSpan Cpu,
    TimeSpan SimulatorCpu,
    long RssAtStart,
    long PeakRss,
    bool PeakWasReset,
    long Allocated,
    long PeakHeap,
    int Gen0,
    int Gen2,
    IReadOnlyDictionary<string, int> Requests,
    long ReplyBytes,
    double LoadAtStart);
