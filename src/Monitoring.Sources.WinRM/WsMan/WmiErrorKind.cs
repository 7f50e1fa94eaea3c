namespace Monitoring.Sources.WinRM.WsMan;

/// <summary>What a WS-Management fault means for a collector, from its WS-Man subcode and the WMI or
/// WinRM error code in its detail.</summary>
internal enum WmiErrorKind
{
    /// <summary>Anything else: a fault we report as it came.</summary>
    Other,

    /// <summary>The account may not do this (WMI 0x80041003, Win32 5, <c>w:AccessDenied</c>).</summary>
    AccessDenied,

    /// <summary>The WMI namespace does not exist on this host (0x8004100E): e.g. no Hyper-V role.</summary>
    InvalidNamespace,

    /// <summary>The class does not exist in the namespace (0x80041010; WinRM 0x8033801A).</summary>
    InvalidClass,

    /// <summary>The WQL filter was refused (0x80041017, <c>n:CannotProcessFilter</c> without a class error).</summary>
    InvalidQuery,

    /// <summary>The server gave up within its OperationTimeout (<c>w:TimedOut</c>).</summary>
    TimedOut,

    /// <summary>A server quota was exceeded (<c>w:QuotaLimit</c>).</summary>
    QuotaLimit,

    /// <summary>The enumeration context is unknown or expired (<c>n:InvalidEnumerationContext</c>).</summary>
    InvalidEnumerationContext,

    /// <summary>The selectors name no instance (<c>w:InvalidSelectors</c>, WMI 0x80041002 not found).</summary>
    NotFound,
}
