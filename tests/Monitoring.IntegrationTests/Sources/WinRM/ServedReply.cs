using System.Xml.Linq;

namespace Monitoring.IntegrationTests.Sources.WinRM;

/// <summary>Reads values out of the replies the test endpoint serves, so tests compare what the product
/// stored with what the host said, not with numbers typed into the test.</summary>
internal static class ServedReply
{
    /// <summary>The instances of <paramref name="className"/> in <paramref name="profile"/>'s reply, as property maps.</summary>
    public static IReadOnlyList<Dictionary<string, string?>> Instances(string profile, string className, string? file = null)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "wsman", "generated", profile, (file ?? className) + ".xml");
        return [.. XDocument.Load(path).Descendants().Where(e => e.Name.LocalName == className)
            .Select(e => e.Elements().ToDictionary(p => p.Name.LocalName, p => p.Attribute(XName.Get("nil", "http://www.w3.org/2001/XMLSchema-instance")) is null ? p.Value : null))];
    }

    public static Dictionary<string, string?> Single(string profile, string className) => Instances(profile, className).Single();
}
