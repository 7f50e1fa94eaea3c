using System.Globalization;
using System.Text.RegularExpressions;
using Monitoring.Core.Collection;
using Monitoring.Core.Configuration;

namespace Monitoring.Service.Configuration;

/// <summary>Turns configured targets into <see cref="TargetDefinition"/>s, or says precisely what is wrong.</summary>
internal static partial class TargetValidator
{
    private const int MaxTimeoutSeconds = 3600;
    private const int MaxQueryObjectsLimit = 100_000;
    private static readonly string[] s_authentications = ["Basic", "Ntlm", "Kerberos"];

    public static List<TargetDefinition> Validate(IList<TargetOptions> targets, string baseDirectory, List<string> problems)
    {
        var result = new List<TargetDefinition>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < targets.Count; i++)
        {
            var key = $"Monitoring:Targets:{i}";
            var before = problems.Count;
            var t = targets[i];

            var name = t.Name;
            if (string.IsNullOrWhiteSpace(name) || !NamePattern().IsMatch(name))
            {
                problems.Add($"{key}:Name: required; letters, digits, '.', '_' and '-', starting with a letter or digit (it becomes part of every inventory id)");
            }
            else if (!names.Add(name))
            {
                problems.Add($"{key}:Name: '{name}' is used by another target; names must be unique");
            }

            var kind = ParseKind(t.Kind, key, problems);
            var address = ParseAddress(t.Address, kind, key, problems);
            if (string.IsNullOrWhiteSpace(t.Username))
            {
                problems.Add($"{key}:Username: required");
            }

            // Kerberos may go without a password: the collector then uses the ticket its process already holds.
            var ticketOnly = "Kerberos".Equals(t.Authentication, StringComparison.OrdinalIgnoreCase)
                && string.IsNullOrEmpty(t.Password) && string.IsNullOrWhiteSpace(t.PasswordFile);
            var password = ticketOnly ? string.Empty : ResolvePassword(t, key, baseDirectory, problems);
            var thumbprint = ParseThumbprint(t.Thumbprint, key, problems);
            var timeout = t.TimeoutSeconds ?? TargetOptions.DefaultTimeoutSeconds;
            if (timeout is < 1 or > MaxTimeoutSeconds)
            {
                problems.Add($"{key}:TimeoutSeconds: {timeout} is out of range; allowed 1 to {MaxTimeoutSeconds} (default {TargetOptions.DefaultTimeoutSeconds})");
            }

            var maxQueryObjects = t.MaxQueryObjects ?? TargetOptions.DefaultMaxQueryObjects;
            if (maxQueryObjects is < 1 or > MaxQueryObjectsLimit)
            {
                problems.Add($"{key}:MaxQueryObjects: {maxQueryObjects} is out of range; allowed 1 to {MaxQueryObjectsLimit} (default {TargetOptions.DefaultMaxQueryObjects})");
            }

            var authentication = ParseAuthentication(t.Authentication, kind, key, problems);
            if (authentication == "Basic" && address?.Scheme == Uri.UriSchemeHttp)
            {
                problems.Add($"{key}:Authentication: Basic over http would send the password in clear; use an https:// Address (WinRM port 5986) or Ntlm, which seals every message over http");
            }

            if (problems.Count == before)
            {
                result.Add(new TargetDefinition(
                    name!, kind!.Value, address!, t.Username!, new Core.Collection.Secret(password!), thumbprint,
                    TimeSpan.FromSeconds(timeout), maxQueryObjects, authentication));
            }
        }

        return result;
    }

    private static TargetKind? ParseKind(string? value, string key, List<string> problems)
    {
        const string Allowed = "vSphere, HyperV, VirtualServer or Windows";
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{key}:Kind: required; one of {Allowed}");
            return null;
        }

        if (value.Equals("Dcom", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{key}:Kind: Dcom is not supported yet; reach this server over WinRM instead (Kind Windows, Address http[s]://host:5985/wsman)");
            return null;
        }

        if (Enum.TryParse<TargetKind>(value, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(value, out _))
        {
            return kind;
        }

        problems.Add($"{key}:Kind: '{value}' is not a kind; one of {Allowed}");
        return null;
    }

    private static Uri? ParseAddress(string? value, TargetKind? kind, string key, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            var example = kind == TargetKind.VSphere ? "https://vc01.example.net/sdk" : "https://host01.example.net:5986/wsman";
            problems.Add($"{key}:Address: required; an http(s) URL such as {example}");
            return null;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            problems.Add($"{key}:Address: must not carry credentials; use Username and Password or PasswordFile");
            return null;
        }

        if (kind == TargetKind.VSphere && uri.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"{key}:Address: vSphere targets need https (the password would cross the network in clear); e.g. https://{uri.Authority}/sdk");
            return null;
        }

        return uri;
    }

    private static string? ResolvePassword(TargetOptions t, string key, string baseDirectory, List<string> problems)
    {
        var hasInline = !string.IsNullOrEmpty(t.Password);
        var hasFile = !string.IsNullOrWhiteSpace(t.PasswordFile);
        if (hasInline == hasFile)
        {
            problems.Add(hasInline
                ? $"{key}: set Password or PasswordFile, not both"
                : $"{key}:Password: required; set Password (or the environment variable Monitoring__Targets__N__Password) or PasswordFile");
            return null;
        }

        if (hasInline)
        {
            return t.Password;
        }

        var path = Path.GetFullPath(t.PasswordFile!, baseDirectory);
        var password = PasswordFile.TryRead($"{key}:PasswordFile", path, out var problem);
        if (problem is not null)
        {
            problems.Add(problem);
        }
        else if (string.IsNullOrEmpty(password))
        {
            problems.Add($"{key}:PasswordFile: {path} is empty");
            return null;
        }

        return password;
    }

    private static byte[]? ParseThumbprint(string? value, string key, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var hex = value.Replace(":", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (hex.Length == 64 && hex.All(char.IsAsciiHexDigit))
        {
            return Convert.FromHexString(hex);
        }

        var hint = hex.Length == 40 ? " (that looks like a SHA-1 thumbprint; give the SHA-256 one)" : string.Empty;
        problems.Add($"{key}:Thumbprint: must be the SHA-256 of the server's certificate, 64 hex digits (colons allowed); got {hex.Length.ToString(CultureInfo.InvariantCulture)} characters{hint}");
        return null;
    }

    private static string? ParseAuthentication(string? value, TargetKind? kind, string key, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (kind == TargetKind.VSphere)
        {
            problems.Add($"{key}:Authentication: applies to WinRM targets only; vSphere logs in with Username and Password");
            return null;
        }

        var match = s_authentications.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            problems.Add($"{key}:Authentication: '{value}' is not allowed; use Basic, Ntlm or Kerberos, or leave it out to follow the server's challenge");
        }

        return match;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex NamePattern();
}
