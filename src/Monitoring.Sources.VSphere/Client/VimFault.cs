namespace Monitoring.Sources.VSphere.Client;

/// <summary>A fault the vSphere server returned, by its vim25 type (<c>InvalidLogin</c>, <c>NoPermission</c>, ...).</summary>
internal sealed class VimFault : Exception
{
    public VimFault(string faultType, string message)
        : base(message)
    {
        FaultType = faultType;
    }

    public VimFault()
    {
        FaultType = "Unknown";
    }

    public VimFault(string message)
        : this("Unknown", message)
    {
    }

    public VimFault(string message, Exception innerException)
        : base(message, innerException)
    {
        FaultType = "Unknown";
    }

    /// <summary>The vim25 fault type without the <c>Fault</c> suffix of its element name.</summary>
    public string FaultType { get; }
}
