using System.Globalization;

namespace Monitoring.Sources.WinRM.WsMan;

/// <summary>A SOAP fault from a WS-Management server, with what it said kept apart: the WS-Man
/// subcode (e.g. <c>CannotProcessFilter</c>), the error code of the detail (a WinRM, Win32 or WMI
/// HRESULT), the machine that raised it, and the innermost message.</summary>
internal sealed class WsManFault : Exception
{
    public WsManFault(string subcode, uint? errorCode, string? machine, string message, WmiErrorKind kind)
        : base(message)
    {
        Subcode = subcode;
        ErrorCode = errorCode;
        Machine = machine;
        Kind = kind;
    }

    public WsManFault()
        : this("Unknown", null, null, "WS-Management fault", WmiErrorKind.Other)
    {
    }

    public WsManFault(string message)
        : this("Unknown", null, null, message, WmiErrorKind.Other)
    {
    }

    public WsManFault(string message, Exception innerException)
        : base(message, innerException)
    {
        Subcode = "Unknown";
    }

    /// <summary>The fault's subcode without its prefix (<c>InvalidSelectors</c>, <c>QuotaLimit</c>), or
    /// the SOAP code (<c>Receiver</c>) when there is none.</summary>
    public string Subcode { get; }

    /// <summary>The code from the fault detail: <c>WSManFault/@Code</c>, or a WMI error's <c>error_Code</c>.</summary>
    public uint? ErrorCode { get; }

    /// <summary>The machine the fault names, when it names one.</summary>
    public string? Machine { get; }

    /// <summary>What the fault means for a collector.</summary>
    public WmiErrorKind Kind { get; }

    /// <summary>The codes, for an operator: <c>wsman:InvalidSelectors, code 0x8033801A</c>.</summary>
    public string Codes => ErrorCode is { } code
        ? string.Create(CultureInfo.InvariantCulture, $"wsman:{Subcode}, code 0x{code:X8}")
        : $"wsman:{Subcode}";
}
