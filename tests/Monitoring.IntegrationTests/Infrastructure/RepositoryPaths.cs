namespace Monitoring.IntegrationTests.Infrastructure;

/// <summary>Finds the repository from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Find();

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
