using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Monitoring.IntegrationTests.Sources.WinRM;

/// <summary>The test endpoint's own reading and writing of WinRM's <c>multipart/encrypted</c> body
/// (MS-WSMV 2.2.9.1), written apart from the product's so that a mistake in one is not copied into the
/// other; python3-winrm checks both against a third implementation.</summary>
internal static class SealedBody
{
    public const string ContentType = "multipart/encrypted;protocol=\"application/HTTP-SPNEGO-session-encrypted\";boundary=\"Encrypted Boundary\"";

    /// <summary>The wrapped token (signature then sealed bytes) and the announced clear length.</summary>
    public static (byte[] Token, int Length) Read(byte[] body)
    {
        var text = Encoding.Latin1.GetString(body);
        var length = int.Parse(text[(text.IndexOf("Length=", StringComparison.Ordinal) + 7)..text.IndexOf('\r', text.IndexOf("Length=", StringComparison.Ordinal))], CultureInfo.InvariantCulture);
        const string Part = "\tContent-Type: application/octet-stream\r\n";
        var start = text.IndexOf(Part, StringComparison.Ordinal) + Part.Length;
        var end = text.LastIndexOf("--Encrypted Boundary--", StringComparison.Ordinal);
        var payload = body.AsSpan(start, end - start);
        var signatureLength = BinaryPrimitives.ReadInt32LittleEndian(payload);
        return (payload[4..].ToArray(), length);
    }

    public static byte[] Write(ReadOnlySpan<byte> token, int clearLength, int signatureLength)
    {
        using var body = new MemoryStream();
        var head = "--Encrypted Boundary\r\n\tContent-Type: application/HTTP-SPNEGO-session-encrypted\r\n"
            + $"\tOriginalContent: type=application/soap+xml;charset=UTF-8;Length={clearLength.ToString(CultureInfo.InvariantCulture)}\r\n"
            + "--Encrypted Boundary\r\n\tContent-Type: application/octet-stream\r\n";
        body.Write(Encoding.ASCII.GetBytes(head));
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(size, signatureLength);
        body.Write(size);
        body.Write(token);
        body.Write(Encoding.ASCII.GetBytes("--Encrypted Boundary--\r\n"));
        return body.ToArray();
    }
}
