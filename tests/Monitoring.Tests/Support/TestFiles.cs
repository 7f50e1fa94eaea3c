using System.Xml.Linq;

namespace Monitoring.Tests.Support;

/// <summary>Finds the captured test data that the build copies beside the test assembly.</summary>
internal static class TestFiles
{
    public static string PathOf(string relativePath) =>
        Path.Combine(AppContext.BaseDirectory, "TestData", relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static XElement LoadXml(string relativePath) => XElement.Load(PathOf(relativePath));
}
