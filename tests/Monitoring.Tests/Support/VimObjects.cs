namespace Monitoring.Tests.Support;

/// <summary>Writes <c>ObjectContent</c> XML the way vCenter answers a property-collector read of dotted paths.</summary>
internal static class VimObjects
{
    public static string Object(string type, string id, params string[] children) =>
        $"<objects><obj type=\"{type}\">{id}</obj>{string.Concat(children)}</objects>";

    public static string Text(string name, string value, string xsiType = "xsd:string") =>
        $"<propSet><name>{name}</name><val xsi:type=\"{xsiType}\">{value}</val></propSet>";

    public static string Reference(string name, string type, string id) =>
        $"<propSet><name>{name}</name><val type=\"{type}\" xsi:type=\"ManagedObjectReference\">{id}</val></propSet>";

    /// <summary>A property the server could not read, with the fault it gave (as in govmomi's captured missingSet).</summary>
    public static string Missing(string path, string faultType, string faultContent = "") =>
        $"<missingSet><path>{path}</path><fault><fault xsi:type=\"{faultType}\">{faultContent}</fault><localizedMessage/></fault></missingSet>";
}
