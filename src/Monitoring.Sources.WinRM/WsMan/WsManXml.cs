using System.Xml;

namespace Monitoring.Sources.WinRM.WsMan;

/// <summary>The XML namespaces and action URIs of WS-Management as Windows speaks it (MS-WSMV).</summary>
internal static class WsManXml
{
    public const string Soap = "http://www.w3.org/2003/05/soap-envelope";
    public const string Addressing = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public const string Enumeration = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    public const string Transfer = "http://schemas.xmlsoap.org/ws/2004/09/transfer";
    public const string WsMan = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    public const string MicrosoftWsMan = "http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd";
    public const string Identity = "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd";
    public const string WsManFault = "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault";
    public const string CimCommon = "http://schemas.dmtf.org/wbem/wscim/1/common";
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>WQL, the filter dialect WinRM's WMI plug-in understands.</summary>
    public const string WqlDialect = "http://schemas.microsoft.com/wbem/wsman/1/WQL";

    /// <summary>Where replies go: back on the same HTTP connection.</summary>
    public const string AnonymousRole = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";

    public const string GetAction = Transfer + "/Get";
    public const string EnumerateAction = Enumeration + "/Enumerate";
    public const string PullAction = Enumeration + "/Pull";
    public const string ReleaseAction = Enumeration + "/Release";

    /// <summary>Reader settings for replies held in memory: no DTDs, no external entities.</summary>
    public static XmlReaderSettings ReaderSettings { get; } = new()
    {
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
    };
}
