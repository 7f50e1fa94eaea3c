namespace Monitoring.Tests.Support;

/// <summary>The repository checkout the tests were built from: for tests that compare checked-in files
/// (rules, dashboards, docs) with what the code produces.</summary>
internal static class SourceTree
{
    public static string Root { get; } = Find();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Monitoring.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Monitoring.sln not found above {AppContext.BaseDirectory}");
    }
}
