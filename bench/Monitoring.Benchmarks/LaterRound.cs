namespace Monitoring.Benchmarks;

/// <summary>One round of the later-pass comparison: the next pass's requests replayed by the floor, one
/// QueryPerf at a time (A) and as many at once as ours sends (B), and ours' next pass, back to back.</summary>
internal sealed record LaterRound(PhaseResult OneByOne, PhaseResult InFlight, PhaseResult Ours)
{
    /// <summary>The faster floor of the round.</summary>
    public PhaseResult Floor => OneByOne.Wall <= InFlight.Wall ? OneByOne : InFlight;

    /// <summary>Ours' wall time over the round's faster floor.</summary>
    public double Ratio => Ours.Wall.TotalSeconds / Floor.Wall.TotalSeconds;
}
