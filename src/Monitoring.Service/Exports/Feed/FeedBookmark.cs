using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Monitoring.Service.Exports.Feed;

/// <summary>The connector feed's bookmark: opaque to clients, to hand back as given. Inside it is a version, the
/// connector's name and a change-log sequence, base64url-encoded; it is checked on the way in, so a bookmark
/// that was typed, cut short, or given out to another connector is refused instead of silently skipping or
/// repeating alerts.</summary>
internal static class FeedBookmark
{
    private const string Version = "1";

    public static string Encode(string connector, long sequence) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Version}|{connector}|{sequence}")));

    /// <summary>The sequence inside <paramref name="bookmark"/>, or null with <paramref name="problem"/> saying why not.</summary>
    /// <param name="bookmark">What the client sent.</param>
    /// <param name="connector">The connector asking.</param>
    /// <param name="lastSequence">The newest change in the log: a bookmark past it was never given out.</param>
    /// <param name="problem">Why the bookmark is refused; never echoes it.</param>
    public static long? TryDecode(string bookmark, string connector, long lastSequence, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(bookmark);
        problem = null;
        string text;
        try
        {
            text = bookmark.Length is > 0 and <= 200 ? Encoding.UTF8.GetString(Base64Url.DecodeFromChars(bookmark)) : string.Empty;
        }
        catch (FormatException)
        {
            text = string.Empty;
        }

        var parts = text.Split('|');
        if (parts.Length != 3 || parts[0] != Version || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            problem = "not a bookmark this feed gave out; send back the bookmark of a previous reply unchanged, or leave it out to start from the connector's acknowledged position";
            return null;
        }

        if (!string.Equals(parts[1], connector, StringComparison.Ordinal))
        {
            problem = $"this bookmark belongs to another connector, not '{connector}'; each connector keeps its own";
            return null;
        }

        if (sequence > lastSequence)
        {
            problem = "this bookmark points past the newest alert change; it was not given out by this feed (another database?)";
            return null;
        }

        return sequence;
    }
}
