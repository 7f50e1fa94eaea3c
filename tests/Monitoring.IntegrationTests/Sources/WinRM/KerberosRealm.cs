using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Monitoring.IntegrationTests.Sources.WinRM;

/// <summary>A throwaway Kerberos realm: Debian's MIT KDC (<c>krb5kdc</c>) run as this user on 127.0.0.1 from a
/// temporary folder, with one user and the <c>HTTP/127.0.0.1</c> service principal whose key is in a keytab.
/// Nothing in /etc is read or changed: every tool gets <c>KRB5_CONFIG</c> and <c>KRB5_KDC_PROFILE</c> pointing
/// into the folder. The KDC is stopped by its PID.</summary>
public sealed class KerberosRealm : IDisposable
{
    public const string Realm = "TEST.MONITORING";
    public const string ServicePrincipal = "HTTP/127.0.0.1";

    private readonly string _folder;
    private readonly Process _kdc;

    public KerberosRealm()
    {
        _folder = Directory.CreateTempSubdirectory("krb5-realm-").FullName;
        ClientPassword = "kerberos-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var port = FreePort();
        ConfigPath = Path.Combine(_folder, "krb5.conf");
        KeytabPath = Path.Combine(_folder, "http.keytab");
        KdcProfilePath = Path.Combine(_folder, "kdc.conf");

        // rdns and canonicalisation off: the client asks for HTTP/127.0.0.1 exactly as the target's address names it.
        // TCP only (udp_preference_limit 1), so the KDC needs one port.
        File.WriteAllText(ConfigPath, string.Create(CultureInfo.InvariantCulture, $"""
            [libdefaults]
             default_realm = {Realm}
             dns_lookup_kdc = false
             dns_lookup_realm = false
             dns_canonicalize_hostname = false
             rdns = false
             udp_preference_limit = 1
            [realms]
             {Realm} = {"{"}
              kdc = 127.0.0.1:{port}
             {"}"}
            [domain_realm]
             127.0.0.1 = {Realm}
            """));
        File.WriteAllText(KdcProfilePath, string.Create(CultureInfo.InvariantCulture, $"""
            [kdcdefaults]
             kdc_listen = 127.0.0.1:{port}
             kdc_tcp_listen = 127.0.0.1:{port}
            [realms]
             {Realm} = {"{"}
              database_name = {_folder}/principal
              key_stash_file = {_folder}/stash
              acl_file = {_folder}/kadm5.acl
             {"}"}
            [logging]
             kdc = FILE:{_folder}/kdc.log
            """));

        Run("/usr/sbin/kdb5_util", null, "create", "-s", "-r", Realm, "-P", Convert.ToHexString(RandomNumberGenerator.GetBytes(12)));
        Run("/usr/sbin/kadmin.local", null, "-r", Realm, "-q", $"addprinc -pw {ClientPassword} {ClientPrincipal}");
        Run("/usr/sbin/kadmin.local", null, "-r", Realm, "-q", $"addprinc -randkey {ServicePrincipal}");
        Run("/usr/sbin/kadmin.local", null, "-r", Realm, "-q", $"ktadd -k {KeytabPath} {ServicePrincipal}");

        var start = Start("/usr/sbin/krb5kdc", "-n", "-r", Realm);
        _kdc = Process.Start(start)!;
        _ = _kdc.StandardOutput.ReadToEndAsync();
        _ = _kdc.StandardError.ReadToEndAsync();
        WaitForPort(port);
    }

    /// <summary>The user principal: <c>monitor@TEST.MONITORING</c>.</summary>
    public string ClientPrincipal { get; } = "monitor@" + Realm;

    public string ClientPassword { get; }

    public string ConfigPath { get; }

    public string KeytabPath { get; }

    public string KdcProfilePath { get; }

    /// <summary>A fresh credential cache holding the user's TGT, got with <c>kinit</c> and the password on stdin.</summary>
    public string Kinit()
    {
        var cache = "FILE:" + Path.Combine(_folder, "ccache-" + Guid.NewGuid().ToString("N"));
        Run("/usr/bin/kinit", ClientPassword + "\n", cache, ClientPrincipal);
        return cache;
    }

    /// <summary>A credential cache name that holds nothing (no <c>kinit</c> ran for it).</summary>
    public string EmptyCache() => "FILE:" + Path.Combine(_folder, "empty-ccache-" + Guid.NewGuid().ToString("N"));

    /// <summary>The environment a Kerberos client process gets: this realm's config and <paramref name="cache"/>.</summary>
    public Dictionary<string, string> ClientEnvironment(string cache) => new()
    {
        ["KRB5_CONFIG"] = ConfigPath,
        ["KRB5CCNAME"] = cache,
    };

    /// <summary>Points GSSAPI acceptors in this process (the test endpoint) at the realm's keytab.</summary>
    /// <remarks>MIT krb5 reads <c>KRB5_KTNAME</c> from the native environment, which
    /// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not change on Linux; libc's setenv does.
    /// Only acceptors read it: the product's client runs in its own process with its own environment.</remarks>
    internal void UseKeytabForAcceptors()
    {
        if (SetEnv("KRB5_KTNAME", "FILE:" + KeytabPath, 1) != 0)
        {
            throw new InvalidOperationException("setenv(KRB5_KTNAME) failed");
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_kdc.HasExited)
            {
                _kdc.Kill();
                _kdc.WaitForExit(5000);
            }
        }
        finally
        {
            _kdc.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }

    private ProcessStartInfo Start(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = _folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["KRB5_CONFIG"] = ConfigPath;
        start.Environment["KRB5_KDC_PROFILE"] = KdcProfilePath;
        return start;
    }

    private void Run(string program, string? input, params string[] arguments)
    {
        var start = Start(program, arguments);
        if (program.EndsWith("kinit", StringComparison.Ordinal))
        {
            start.Environment["KRB5CCNAME"] = arguments[0];
            start.ArgumentList.RemoveAt(0);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Write(input ?? string.Empty);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException($"{program} did not finish within a minute");
        }

        // kadmin.local exits 0 when its query fails; MIT tools word every failure "... while <doing what>".
        if (process.ExitCode != 0 || stderr.Result.Contains(" while ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}): {stdout.Result} {stderr.Result}");
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private void WaitForPort(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_kdc.HasExited)
            {
                Thread.Sleep(100);
            }
            catch (SocketException e)
            {
                var log = Path.Combine(_folder, "kdc.log");
                throw new InvalidOperationException($"krb5kdc did not listen on 127.0.0.1:{port}: {(File.Exists(log) ? File.ReadAllText(log) : e.Message)}", e);
            }
        }
    }

    [DllImport("libc", EntryPoint = "setenv")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}
