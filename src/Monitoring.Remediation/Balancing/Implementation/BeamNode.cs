namespace Monitoring.Remediation.Balancing.Implementation;

/// <summary>A partial plan: the moves so far (VM index, from, to, imbalance after) and where they lead.</summary>
internal sealed class BeamNode
{
    private readonly (int Vm, int From, int To, double After)[] _moves;

    public BeamNode((int Vm, int From, int To, double After)[] moves, double imbalance)
    {
        _moves = moves;
        Imbalance = imbalance;
    }

    public double Imbalance { get; }

    /// <summary>The set of moves, order aside: two orders of the same moves are one plan.</summary>
    public string Key => string.Join(';', _moves.Select(m => $"{m.Vm}>{m.To}").Order(StringComparer.Ordinal));

    public bool Moves(int vm)
    {
        foreach (var move in _moves)
        {
            if (move.Vm == vm)
            {
                return true;
            }
        }

        return false;
    }

    public BeamNode With(int vm, int from, int to, double after) => new([.. _moves, (vm, from, to, after)], after);

    public void ApplyTo(PlacementState state)
    {
        foreach (var move in _moves)
        {
            state.Move(move.Vm, move.To);
        }
    }

    public void UndoFrom(PlacementState state)
    {
        for (var i = _moves.Length - 1; i >= 0; i--)
        {
            state.Move(_moves[i].Vm, _moves[i].From);
        }
    }

    public List<PlannedMove> ToMoves(PlacementState state, double before)
    {
        var moves = new List<PlannedMove>(_moves.Length);
        var current = before;
        foreach (var move in _moves)
        {
            var priority = RecommendationPriority.From(current, state.HostCount);
            moves.Add(new PlannedMove(
                state.VmIds[move.Vm], state.HostIds[move.From], state.HostIds[move.To], current, move.After, current - move.After, priority));
            current = move.After;
        }

        return moves;
    }
}
