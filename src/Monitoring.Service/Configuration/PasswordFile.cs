namespace Monitoring.Service.Configuration;

/// <summary>Reads a target's <c>PasswordFile</c>, refusing one that others could read.</summary>
internal static class PasswordFile
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>The password, without the trailing line break editors add.</summary>
    /// <param name="key">The configuration key, for messages.</param>
    /// <param name="path">The resolved, absolute path.</param>
    /// <param name="problem">Why the file cannot be used; never contains its content.</param>
    public static string? TryRead(string key, string path, out string? problem)
    {
        problem = null;
        if (!File.Exists(path))
        {
            problem = $"{key}: the file {path} does not exist";
            return null;
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & GroupOrOther) != 0)
            {
                problem = $"{key}: {path} is readable or writable by other users (mode {Octal(mode)}); make it readable only by its owner (chmod 600)";
                return null;
            }
        }

        try
        {
            return File.ReadAllText(path).TrimEnd('\r', '\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"{key}: cannot read {path} ({e.GetType().Name})";
            return null;
        }
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0');
}
