namespace Monitoring.Core.Collection;

/// <summary>A password that cannot leak by accident: it prints as <c>***</c> in logs, exceptions,
/// string interpolation and serialised records. Only <see cref="Reveal"/> gives the value, at the one
/// place that sends it to the target.</summary>
public sealed class Secret
{
    private readonly string _value;

    public Secret(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The secret itself. Call only where it goes onto the wire.</summary>
    public string Reveal() => _value;

    /// <inheritdoc/>
    public override string ToString() => "***";
}
