using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Monitoring.Core.Collection;

namespace Monitoring.Sources.WinRM.Transport;

/// <summary>WinRM's sealed message body over plain HTTP (MS-WSMV 2.2.9.1): a two-part
/// <c>multipart/encrypted</c> whose first part names the original content and length, and whose second
/// part is a 4-byte little-endian signature length, the signature, then the sealed bytes.</summary>
internal static class EncryptedMessage
{
    public const string Protocol = "application/HTTP-SPNEGO-session-encrypted";
    public const string ContentType = "multipart/encrypted;protocol=\"" + Protocol + "\";boundary=\"Encrypted Boundary\"";

    private const string Boundary = "--Encrypted Boundary";
    private static readonly byte[] s_closing = Encoding.ASCII.GetBytes(Boundary + "--\r\n");

    /// <summary>The body for a sealed message whose token is <paramref name="signature"/> then <paramref name="sealedData"/>.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> sealedData, int originalLength)
    {
        var head = Encoding.ASCII.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"{Boundary}\r\n\tContent-Type: {Protocol}\r\n\tOriginalContent: type=application/soap+xml;charset=UTF-8;Length={originalLength}\r\n{Boundary}\r\n\tContent-Type: application/octet-stream\r\n"));
        var body = new byte[head.Length + 4 + signature.Length + sealedData.Length + s_closing.Length];
        var span = body.AsSpan();
        head.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[head.Length..], signature.Length);
        signature.CopyTo(span[(head.Length + 4)..]);
        sealedData.CopyTo(span[(head.Length + 4 + signature.Length)..]);
        s_closing.CopyTo(span[^s_closing.Length..]);
        return body;
    }

    /// <summary>The signature, the sealed bytes and the length the clear text must have.</summary>
    public static (byte[] Signature, byte[] SealedData, int OriginalLength) Decode(ReadOnlySpan<byte> body)
    {
        const string OctetStream = "Content-Type: application/octet-stream\r\n";
        var text = Encoding.Latin1.GetString(body);
        var lengthAt = text.IndexOf("Length=", StringComparison.Ordinal);
        var partAt = text.IndexOf(OctetStream, StringComparison.Ordinal);
        if (lengthAt < 0 || partAt < 0)
        {
            throw Malformed("it lacks the OriginalContent length or the octet-stream part");
        }

        var lengthEnd = lengthAt + 7;
        while (lengthEnd < text.Length && char.IsAsciiDigit(text[lengthEnd]))
        {
            lengthEnd++;
        }

        if (!int.TryParse(text.AsSpan(lengthAt + 7, lengthEnd - lengthAt - 7), NumberStyles.None, CultureInfo.InvariantCulture, out var originalLength))
        {
            throw Malformed("its OriginalContent length is not a number");
        }

        var payload = body[(partAt + OctetStream.Length)..];
        if (payload.EndsWith(s_closing))
        {
            payload = payload[..^s_closing.Length];
        }

        if (payload.Length < 4)
        {
            throw Malformed("the sealed part is shorter than its header");
        }

        var signatureLength = BinaryPrimitives.ReadInt32LittleEndian(payload);
        if (signatureLength < 0 || signatureLength > payload.Length - 4)
        {
            throw Malformed("its signature length runs past the part");
        }

        return (payload.Slice(4, signatureLength).ToArray(), payload[(4 + signatureLength)..].ToArray(), originalLength);
    }

    private static TargetFailureException Malformed(string why) =>
        new(FailureKind.Protocol, $"the listener's encrypted reply is malformed: {why}");
}
