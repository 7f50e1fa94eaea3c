namespace Monitoring.HealthModel.Alerts;

/// <summary>An alert's resolution state, numbered as in the operations manager: 0 New, 249 Acknowledged,
/// 255 Closed, and operator-defined states from 2 to 248.</summary>
public readonly record struct ResolutionState(byte Value)
{
    public const byte FirstCustom = 2;
    public const byte LastCustom = 248;

    public static ResolutionState New { get; } = new(0);

    public static ResolutionState Acknowledged { get; } = new(249);

    public static ResolutionState Closed { get; } = new(255);

    public bool IsClosed => Value == Closed.Value;

    public bool IsCustom => Value is >= FirstCustom and <= LastCustom;

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
