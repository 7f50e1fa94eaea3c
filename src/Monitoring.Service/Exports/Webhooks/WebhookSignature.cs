using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Monitoring.Service.Exports.Webhooks;

/// <summary>The signature a webhook receiver checks: header <c>X-Monitoring-Signature: t=UNIX_SECONDS,v1=HEX</c>, where
/// HEX is the lower-case HMAC-SHA256, keyed with the webhook's secret (its UTF-8 bytes), of <c>t</c>, a dot and the raw
/// body. The timestamp is inside the signed text, so a captured request cannot be replayed later with a fresh time;
/// a receiver refuses timestamps more than a few minutes old (docs/alerting.md shows a receiver).</summary>
internal static class WebhookSignature
{
    public const string Header = "X-Monitoring-Signature";

    /// <summary>The header value for <paramref name="body"/> sent at <paramref name="at"/>.</summary>
    public static string Create(byte[] secret, DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Sign(secret, timestamp, body)}";
    }

    /// <summary>Checks a header value as a receiver would: well formed, the HMAC matches (compared in constant time)
    /// and the timestamp within <paramref name="tolerance"/> of <paramref name="now"/>.</summary>
    public static bool Verify(byte[] secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (header is null)
        {
            return false;
        }

        string? timestamp = null;
        string? signature = null;
        foreach (var part in header.Split(','))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal))
            {
                timestamp = part[2..];
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal))
            {
                signature = part[3..];
            }
        }

        if (timestamp is null || signature is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private static string Sign(byte[] secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(secret, signed));
    }
}
