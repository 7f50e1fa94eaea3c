namespace Monitoring.Core.Configuration;

/// <summary>One entry of <c>Monitoring:Targets</c>, as written in the configuration.</summary>
/// <remarks>Values stay strings here so validation can name the key and say what is allowed, instead
/// of the binder's generic conversion error.</remarks>
public sealed class TargetOptions
{
    /// <summary>Per-operation timeout when none is configured.</summary>
    public const int DefaultTimeoutSeconds = 30;

    /// <summary>vSphere entities per <c>QueryPerf</c> when none is configured.</summary>
    public const int DefaultMaxQueryObjects = 256;

    /// <summary>The target's unique config name; the first part of every inventory id read from it.</summary>
    public string? Name { get; set; }

    /// <summary><c>vSphere</c>, <c>HyperV</c>, <c>VirtualServer</c> or <c>Windows</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>vSphere: <c>https://host[:port]/sdk</c>. WinRM: <c>http[s]://host[:port]/wsman</c>.</summary>
    public string? Address { get; set; }

    /// <summary>The account to log in with.</summary>
    public string? Username { get; set; }

    /// <summary>The password, inline (prefer <see cref="PasswordFile"/> or an environment variable).</summary>
    public string? Password { get; set; }

    /// <summary>A file holding the password, readable only by its owner.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>SHA-256 of the server's leaf certificate, hex; colons and case ignored.</summary>
    public string? Thumbprint { get; set; }

    /// <summary>Per-operation timeout in seconds. Default 30.</summary>
    public int? TimeoutSeconds { get; set; }

    /// <summary>WinRM: <c>Basic</c>, <c>Ntlm</c>, <c>Kerberos</c>, or absent to follow the server's challenge.</summary>
    public string? Authentication { get; set; }

    /// <summary>vSphere: entities per <c>QueryPerf</c>. Default 256.</summary>
    public int? MaxQueryObjects { get; set; }
}
