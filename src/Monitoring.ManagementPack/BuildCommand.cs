namespace Monitoring.ManagementPack;

/// <summary>The command: builds the pack and writes it, or with <c>--check</c> says whether the committed file is current.</summary>
internal static class BuildCommand
{
    public static int Run(string[] args, string workingDirectory, TextWriter output, TextWriter error)
    {
        string? source = null;
        string? target = null;
        var check = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--source" when i + 1 < args.Length:
                    source = args[++i];
                    break;
                case "--out" when i + 1 < args.Length:
                    target = args[++i];
                    break;
                case "--check":
                    check = true;
                    break;
                default:
                    error.WriteLine($"mpbuild: unknown argument \"{args[i]}\". Usage: mpbuild [--source DIR] [--out FILE] [--check]");
                    return 2;
            }
        }

        var repository = FindRepository(workingDirectory);
        if ((source is null || target is null) && repository is null)
        {
            error.WriteLine("mpbuild: not inside the repository (no Monitoring.sln above the working folder); pass --source and --out");
            return 2;
        }

        source ??= Path.Combine(repository!, "management-pack", "src");
        target ??= Path.Combine(repository!, "management-pack", ManagementPackBuilder.FileName);
        string built;
        try
        {
            built = ManagementPackBuilder.Build(source);
        }
        catch (ManagementPackBuildException e)
        {
            error.WriteLine($"mpbuild: {e.Message}");
            return 1;
        }

        if (check)
        {
            var current = File.Exists(target) && File.ReadAllText(target) == built;
            output.WriteLine(current ? $"{target} is up to date" : $"{target} differs from what the fragments build: run mpbuild and commit it");
            return current ? 0 : 1;
        }

        File.WriteAllText(target, built);
        output.WriteLine($"wrote {target}");
        return 0;
    }

    private static string? FindRepository(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Monitoring.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
