using System.Runtime.InteropServices;

namespace Monitoring.IntegrationTests.Sources.WinRM;

/// <summary>The NTLM accounts the test endpoint's server side knows: Debian's gss-ntlmssp reads them from the
/// file named by <c>NTLM_USER_FILE</c> (lines <c>DOMAIN:user:password</c>, the domain case-sensitive).</summary>
/// <remarks>gss-ntlmssp reads the variable from the native environment, which
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not change on Linux: libc's
/// <c>setenv</c> does. The file lives in a temporary folder of this test process.</remarks>
internal static class NtlmUsers
{
    public const string Domain = "TESTDOM";
    public const string User = "monitor";
    public const string Password = "winrm-test-pass";

    private static readonly Lazy<string> s_file = new(Create);

    /// <summary>The account as a WinRM target's Username: <c>TESTDOM\monitor</c>.</summary>
    public static string QualifiedUser => Domain + "\\" + User;

    /// <summary>Writes the user file and points gss-ntlmssp at it (once per process).</summary>
    public static string EnsureConfigured() => s_file.Value;

    private static string Create()
    {
        var folder = Directory.CreateTempSubdirectory("ntlm-users-").FullName;
        var path = Path.Combine(folder, "users");
        File.WriteAllText(path, $"{Domain}:{User}:{Password}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (SetEnv("NTLM_USER_FILE", path, 1) != 0)
        {
            throw new InvalidOperationException("setenv(NTLM_USER_FILE) failed");
        }

        return path;
    }

    [DllImport("libc", EntryPoint = "setenv")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}
