using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Monitoring.Core.Access;

/// <summary>The shape of an API key, and how it is hashed and checked.</summary>
/// <remarks>A key reads <c>vmk_&lt;lookup&gt;_&lt;secret&gt;</c>: 6 random bytes as 12 hex digits that find the
/// stored row without comparing secrets in SQL, then 32 random bytes (base64url). Only a SHA-256 of the whole
/// key is stored. A fast hash is enough here: the key is 256 bits of randomness, not a password, so there is
/// nothing to guess from a stolen hash. The check compares hashes with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>, so its time says nothing about how much matched.</remarks>
public static partial class ApiKey
{
    public const string Prefix = "vmk_";

    private const int LookupBytes = 6;
    private const int SecretBytes = 32;

    /// <summary>A new random key and its lookup id.</summary>
    public static (string Key, string LookupId) Generate()
    {
        var lookup = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(LookupBytes));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (string.Concat(Prefix, lookup, "_", secret), lookup);
    }

    /// <summary>The lookup id of a presented key, or null when it does not have the shape of a key.</summary>
    public static string? LookupIdOf(string? presented)
    {
        if (presented is null)
        {
            return null;
        }

        var match = Shape().Match(presented);
        return match.Success ? match.Groups["lookup"].Value : null;
    }

    /// <summary>The stored form: SHA-256 of the key's UTF-8 bytes, 64 lower-case hex digits.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>Whether <paramref name="presented"/> hashes to <paramref name="storedHash"/>, in constant time.</summary>
    public static bool Matches(string presented, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(presented);
        ArgumentNullException.ThrowIfNull(storedHash);
        var actual = Encoding.ASCII.GetBytes(Hash(presented));
        var expected = Encoding.ASCII.GetBytes(storedHash);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    [GeneratedRegex("^vmk_(?<lookup>[0-9a-f]{12})_[A-Za-z0-9_-]{43}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
