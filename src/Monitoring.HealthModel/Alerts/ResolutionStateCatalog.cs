namespace Monitoring.HealthModel.Alerts;

/// <summary>The resolution states an alert may be set to: the three built in, plus custom ones an operator defines
/// (2-248, each with a name, as in the operations manager's alert settings).</summary>
public sealed class ResolutionStateCatalog
{
    private readonly Dictionary<byte, string> _names = new()
    {
        [ResolutionState.New.Value] = "New",
        [ResolutionState.Acknowledged.Value] = "Acknowledged",
        [ResolutionState.Closed.Value] = "Closed",
    };

    /// <exception cref="AlertOperationException">The number is outside 2-248, already taken, or the name is empty.</exception>
    public ResolutionStateCatalog Define(int value, string name)
    {
        if (value is < ResolutionState.FirstCustom or > ResolutionState.LastCustom)
        {
            throw new AlertOperationException($"Custom resolution state {value} is not allowed: use {ResolutionState.FirstCustom}-{ResolutionState.LastCustom} (0 New, 249 Acknowledged and 255 Closed are built in).");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new AlertOperationException($"Custom resolution state {value} needs a name.");
        }

        if (!_names.TryAdd((byte)value, name))
        {
            throw new AlertOperationException($"Resolution state {value} is already defined as \"{_names[(byte)value]}\".");
        }

        return this;
    }

    public bool IsDefined(int value) => value is >= 0 and <= 255 && _names.ContainsKey((byte)value);

    public string NameOf(ResolutionState state) => _names.GetValueOrDefault(state.Value) ?? state.ToString();

    public IReadOnlyDictionary<byte, string> All => _names;
}
