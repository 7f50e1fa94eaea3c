using System.Globalization;
using System.Net;
using Monitoring.Core.Collection;
using Monitoring.Core.Configuration;
using Monitoring.Service.Configuration;
using Monitoring.Service.Exports;

namespace Monitoring.Service.Remediation.Hooks;

/// <summary>Checks <c>Monitoring:Remediation:Hooks</c>; each problem names its key and what is allowed. A webhook's
/// secret is read from its file here and never echoed.</summary>
internal static class HookValidator
{
    private const string Key = "Monitoring:Remediation:Hooks";
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public static HookCatalog Validate(IList<RemediationHookOptions> options, string baseDirectory, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hooks = new List<HookDefinition>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Count; i++)
        {
            var o = options[i];
            var key = string.Create(CultureInfo.InvariantCulture, $"{Key}:{i}");
            var named = AlertExportValidator.IsValidName(o.Name);
            if (!named)
            {
                problems.Add($"{key}:Name: required, {AlertExportValidator.NameRule}");
            }
            else if (!names.Add(o.Name!))
            {
                problems.Add($"{key}:Name: '{o.Name}' is used by another hook; names are unique (case ignored)");
                named = false;
            }

            var timeout = o.TimeoutSeconds ?? RemediationHookOptions.DefaultTimeoutSeconds;
            if (timeout is < 1 or > RemediationHookOptions.MaxTimeoutSeconds)
            {
                problems.Add($"{key}:TimeoutSeconds: {timeout} is out of range; 1 to {RemediationHookOptions.MaxTimeoutSeconds} (default {RemediationHookOptions.DefaultTimeoutSeconds})");
            }

            var hasScript = !string.IsNullOrWhiteSpace(o.Script);
            var hasUrl = !string.IsNullOrWhiteSpace(o.Url);
            HookDefinition? hook = (hasScript, hasUrl) switch
            {
                (true, true) => Problem($"{key}: set Script or Url, not both (one hook runs one thing; define two hooks for two)", problems),
                (false, false) => Problem($"{key}:Script: required, or Url; Script is an absolute path to an executable, Url an https URL", problems),
                (true, false) => Script(o, key, TimeSpan.FromSeconds(timeout), problems),
                (false, true) => Web(o, key, TimeSpan.FromSeconds(timeout), baseDirectory, problems),
            };
            if (named && hook is not null && timeout is >= 1 and <= RemediationHookOptions.MaxTimeoutSeconds)
            {
                hooks.Add(hook);
            }
        }

        return new HookCatalog(hooks);
    }

    private static ScriptHook? Script(RemediationHookOptions o, string key, TimeSpan timeout, List<string> problems)
    {
        var ok = true;
        if (o.Secret is not null || o.SecretFile is not null || o.AllowHttp is not null)
        {
            // A script gets no secret from us: it reads its own, so none sits in its environment or arguments.
            problems.Add($"{key}: Secret, SecretFile and AllowHttp belong to a Url hook; a Script hook takes Arguments and TimeoutSeconds");
            ok = false;
        }

        var path = o.Script!;
        if (!Path.IsPathFullyQualified(path))
        {
            problems.Add($"{key}:Script: '{path}' is not an absolute path; give the executable's full path (e.g. /usr/local/lib/monitoring/hooks/drain-host.sh), so what runs never depends on the working folder");
            return null;
        }

        if (!File.Exists(path))
        {
            problems.Add($"{key}:Script: the file {path} does not exist");
            return null;
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & AnyExecute) == 0)
            {
                problems.Add($"{key}:Script: {path} is not executable; make it so (chmod +x) and give it a #! line if it is a script");
                ok = false;
            }

            if ((mode & UnixFileMode.OtherWrite) != 0)
            {
                problems.Add($"{key}:Script: {path} is writable by every user, who could change what the service runs; remove that (chmod o-w)");
                ok = false;
            }
        }

        return ok ? new ScriptHook(o.Name ?? string.Empty, path, [.. o.Arguments], timeout) : null;
    }

    private static WebHook? Web(RemediationHookOptions o, string key, TimeSpan timeout, string baseDirectory, List<string> problems)
    {
        var ok = true;
        if (o.Arguments.Count > 0)
        {
            problems.Add($"{key}:Arguments: only for a Script hook; a Url hook gets the tip as its JSON body");
            ok = false;
        }

        var url = Url(o, key, problems);
        var secret = Secret(o, key, baseDirectory, problems);
        return ok && url is not null && secret is not null ? new WebHook(o.Name ?? string.Empty, url, secret, timeout) : null;
    }

    private static Uri? Url(RemediationHookOptions o, string key, List<string> problems)
    {
        if (!Uri.TryCreate(o.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{key}:Url: not an http or https URL; e.g. https://automation.example.net/hooks/drain"); // not echoed: it could hold a password
            return null;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            problems.Add($"{key}:Url: must not carry credentials in the URL; the receiver checks the HMAC signature made with Secret or SecretFile");
            return null;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && o.AllowHttp != true && !IsLoopback(uri))
        {
            problems.Add($"{key}:Url: plain http is allowed only to 127.0.0.1, ::1 or localhost; use https, or set AllowHttp to true to send the tip in clear");
            return null;
        }

        return uri;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback && (uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));

    private static Secret? Secret(RemediationHookOptions o, string key, string baseDirectory, List<string> problems)
    {
        var hasInline = !string.IsNullOrEmpty(o.Secret);
        var hasFile = !string.IsNullOrWhiteSpace(o.SecretFile);
        if (hasInline == hasFile)
        {
            problems.Add(hasInline
                ? $"{key}: set Secret or SecretFile, not both"
                : $"{key}:SecretFile: required for a Url hook (the receiver checks the HMAC-SHA256 signature with it); a file readable only by its owner, or Secret (e.g. Monitoring__Remediation__Hooks__N__Secret)");
            return null;
        }

        if (hasInline)
        {
            return new Secret(o.Secret!);
        }

        var path = Path.GetFullPath(o.SecretFile!, baseDirectory);
        var value = PasswordFile.TryRead($"{key}:SecretFile", path, out var problem);
        if (problem is not null || string.IsNullOrEmpty(value))
        {
            problems.Add(problem ?? $"{key}:SecretFile: {path} is empty");
            return null;
        }

        return new Secret(value);
    }

    private static HookDefinition? Problem(string problem, List<string> problems)
    {
        problems.Add(problem);
        return null;
    }
}
