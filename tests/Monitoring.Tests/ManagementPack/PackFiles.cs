using System.Xml.Linq;
using Monitoring.Tests.Support;

namespace Monitoring.Tests.ManagementPack;

/// <summary>The management packs the tests read: ours (built and committed, copied beside the tests with its sources)
/// and the real community packs in the test data.</summary>
internal static class PackFiles
{
    public static string OursPath => Path.Combine(AppContext.BaseDirectory, "ManagementPack", "Monitoring.Virtualization.xml");

    public static string SourceDirectory => Path.Combine(AppContext.BaseDirectory, "ManagementPack", "src");

    public static IEnumerable<string> RealPackNames =>
        Directory.EnumerateFiles(TestFiles.PathOf("opsmgr/blakedrumm"), "*.xml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static XDocument Ours() => XDocument.Load(OursPath);

    public static XDocument Real(string fileName) => XDocument.Load(TestFiles.PathOf("opsmgr/blakedrumm/" + fileName));
}
