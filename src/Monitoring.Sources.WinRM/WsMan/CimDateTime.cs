using System.Globalization;

namespace Monitoring.Sources.WinRM.WsMan;

/// <summary>Reads a CIM <c>datetime</c> as WinRM writes it: the text of <c>&lt;cim:Datetime&gt;</c>, an XML
/// Schema date-time (<c>2013-04-29T11:43:11.203125-07:00</c>), or on older WinRM the DMTF form
/// (<c>20130429114311.203125-420</c>: the offset in minutes).</summary>
internal static class CimDateTime
{
    private static readonly string[] s_xmlFormats =
    [
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK",
        "yyyy'-'MM'-'dd'T'HH':'mm':'ssK",
    ];

    /// <summary>The instant in UTC, or null when <paramref name="text"/> is absent or neither form (a DMTF
    /// value with unknown fields written as <c>*</c> included): no value beats a wrong one.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (DateTimeOffset.TryParseExact(text, s_xmlFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var xml))
        {
            return xml.ToUniversalTime();
        }

        return ParseDmtf(text);
    }

    /// <summary><c>yyyyMMddHHmmss.ffffff±UUU</c>, exactly 25 characters.</summary>
    private static DateTimeOffset? ParseDmtf(string text)
    {
        if (text.Length != 25 || text[14] != '.' || text[21] is not ('+' or '-'))
        {
            return null;
        }

        if (!DateTime.TryParseExact(text.AsSpan(0, 21), "yyyyMMddHHmmss.ffffff", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || !int.TryParse(text.AsSpan(22, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || minutes > 14 * 60)
        {
            return null;
        }

        var offset = TimeSpan.FromMinutes(text[21] == '-' ? -minutes : minutes);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
