namespace Monitoring.Sources.WinRM.WsMan;

/// <summary>Builds WinRM resource URIs for WMI classes:
/// <c>http://schemas.microsoft.com/wbem/wsman/1/wmi/&lt;namespace&gt;/&lt;class&gt;</c>.</summary>
internal static class WmiResource
{
    public const string Prefix = "http://schemas.microsoft.com/wbem/wsman/1/wmi/";

    /// <summary>The URI of <paramref name="className"/> in <paramref name="wmiNamespace"/> (e.g. <c>root/cimv2</c>).</summary>
    public static string Of(string wmiNamespace, string className) => string.Concat(Prefix, Normalise(wmiNamespace), "/", className);

    /// <summary>The URI a WQL filter is sent to: every class of the namespace.</summary>
    public static string AllOf(string wmiNamespace) => string.Concat(Prefix, Normalise(wmiNamespace), "/*");

    private static string Normalise(string wmiNamespace) => wmiNamespace.Replace('\\', '/').Trim('/');
}
