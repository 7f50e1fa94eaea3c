using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Monitoring.Sources.WinRM.WsMan;

/// <summary>Turns a SOAP 1.2 fault from WinRM into a <see cref="WsManFault"/>.</summary>
/// <remarks>
/// WinRM nests its detail: an outer <c>f:WSManFault</c> from the service, a <c>f:ProviderFault</c> from the
/// WMI plug-in and an inner <c>f:WSManFault</c> with the provider's own code and words, sometimes a
/// <c>__ExtendedStatus</c>; WinRM 3.0 and later may send a CIM <c>MSFT_WmiError</c> instead. The innermost
/// code and message say most about the cause, so they win. Faults are rare and small: a DOM is fine here.
/// </remarks>
internal static class WsManFaultReader
{
    // WMI (WBEM_E_*) and WinRM codes that decide the kind; the WinRM one is what both WinRM 1.1 and 2.0
    // send for a class missing from a namespace (captured replies from Windows Server 2008 R2).
    private const uint WbemNotFound = 0x80041002;
    private const uint WbemAccessDenied = 0x80041003;
    private const uint WbemInvalidNamespace = 0x8004100E;
    private const uint WbemInvalidClass = 0x80041010;
    private const uint WbemInvalidQuery = 0x80041017;
    private const uint WsManClassNotInNamespace = 0x8033801A;
    private const uint Win32AccessDenied = 5;

    /// <summary>Reads the <c>s:Fault</c> element the reader is on.</summary>
    public static WsManFault Read(XmlReader reader) => FromElement((XElement)XNode.ReadFrom(reader));

    public static WsManFault FromElement(XElement fault)
    {
        XNamespace s = WsManXml.Soap;
        XNamespace f = WsManXml.WsManFault;
        var code = fault.Element(s + "Code");
        var subcode = LocalPart(code?.Element(s + "Subcode")?.Element(s + "Value")?.Value)
            ?? LocalPart(code?.Element(s + "Value")?.Value)
            ?? "Unknown";
        var reason = Clean(fault.Element(s + "Reason")?.Elements(s + "Text").FirstOrDefault()?.Value);

        var detail = fault.Element(s + "Detail");
        var wsmanFaults = detail?.Descendants(f + "WSManFault").ToList() ?? [];
        var innermost = wsmanFaults.LastOrDefault();
        uint? errorCode = ParseCode(innermost?.Attribute("Code")?.Value);
        var machine = wsmanFaults.Select(w => w.Attribute("Machine")?.Value).LastOrDefault(m => !string.IsNullOrEmpty(m));
        var message = Clean(innermost?.Elements(f + "Message").Select(DirectText).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)));

        // WinRM 3.0+: a CIM error object in the detail.
        var wmiError = detail?.Elements().FirstOrDefault(e => e.Name.LocalName == "MSFT_WmiError");
        if (wmiError is not null)
        {
            errorCode ??= ParseCode(Child(wmiError, "error_Code"));
            message ??= Clean(Child(wmiError, "Message"));
        }

        // A WMI status in __ExtendedStatus is the provider's own verdict.
        var extended = detail?.Descendants().FirstOrDefault(e => e.Name.LocalName == "__ExtendedStatus");
        var wmiStatus = ParseCode(extended is null ? null : Child(extended, "StatusCode"));

        var kind = Classify(wmiStatus ?? errorCode, subcode);
        return new WsManFault(subcode, errorCode ?? wmiStatus, machine, message ?? reason ?? subcode, kind);
    }

    internal static WmiErrorKind Classify(uint? code, string subcode) => code switch
    {
        WbemAccessDenied or Win32AccessDenied => WmiErrorKind.AccessDenied,
        WbemInvalidNamespace => WmiErrorKind.InvalidNamespace,
        WbemInvalidClass or WsManClassNotInNamespace => WmiErrorKind.InvalidClass,
        WbemInvalidQuery => WmiErrorKind.InvalidQuery,
        WbemNotFound => WmiErrorKind.NotFound,
        _ => subcode switch
        {
            "AccessDenied" => WmiErrorKind.AccessDenied,
            "TimedOut" => WmiErrorKind.TimedOut,
            "QuotaLimit" => WmiErrorKind.QuotaLimit,
            "InvalidEnumerationContext" => WmiErrorKind.InvalidEnumerationContext,
            "InvalidSelectors" => WmiErrorKind.NotFound,
            "CannotProcessFilter" => WmiErrorKind.InvalidQuery,
            _ => WmiErrorKind.Other,
        },
    };

    private static string? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName && e.Attribute(XName.Get("nil", WsManXml.Xsi))?.Value != "true")?.Value;

    private static string DirectText(XElement element) => string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value));

    private static string? LocalPart(string? qualified)
    {
        if (string.IsNullOrWhiteSpace(qualified))
        {
            return null;
        }

        var trimmed = qualified.Trim();
        var colon = trimmed.LastIndexOf(':');
        return colon < 0 ? trimmed : trimmed[(colon + 1)..];
    }

    private static uint? ParseCode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return uint.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex) ? hex : null;
        }

        if (uint.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unsigned))
        {
            return unsigned;
        }

        // Some providers print HRESULTs as negative 32-bit numbers.
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var signed) ? unchecked((uint)signed) : null;
    }

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return string.Join(' ', text.Split((char[])[' ', '\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }
}
