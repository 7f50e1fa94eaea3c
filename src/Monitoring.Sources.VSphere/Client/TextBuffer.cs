using System.Xml;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>Reusable room for the text of one element at a time, read with <see cref="XmlReader.ReadValueChunk"/>
/// so that a number or a timestamp is parsed from characters instead of from a string made for it.</summary>
/// <remarks>One per reply being read; not thread-safe.</remarks>
internal sealed class TextBuffer
{
    private char[] _chars = new char[64];

    /// <summary>Scratch room for the numbers of one series.</summary>
    public List<long> Numbers { get; } = new(4);

    /// <summary>All text inside the element the reader is on, as <see cref="VimXml.ReadText"/> gives it; valid
    /// until the next call. Leaves the reader after the element's end.</summary>
    public ReadOnlySpan<char> Read(XmlReader reader)
    {
        if (!reader.CanReadValueChunk)
        {
            return VimXml.ReadText(reader);
        }

        var depth = reader.Depth;
        var empty = reader.IsEmptyElement;
        reader.Read();
        if (empty)
        {
            return [];
        }

        var length = 0;
        while (reader.Depth > depth)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                int read;
                while ((read = reader.ReadValueChunk(_chars, length, _chars.Length - length)) > 0)
                {
                    length += read;
                    if (length == _chars.Length)
                    {
                        Array.Resize(ref _chars, _chars.Length * 2);
                    }
                }
            }

            reader.Read();
        }

        reader.Read(); // the end tag
        return _chars.AsSpan(0, length);
    }
}
