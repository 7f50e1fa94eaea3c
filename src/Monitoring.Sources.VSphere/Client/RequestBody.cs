using System.Buffers;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>A request body written into one array rented from the shared pool, grown by renting a larger one.</summary>
/// <remarks>A <c>QueryPerf</c> for 256 entities is about 150 KB: built in a <see cref="MemoryStream"/>, each request
/// left several arrays on the large-object heap (the stream's growth and its copy), about 40 MB a realtime pass
/// over 20,000 VMs, and large-object garbage is what sets off full collections. Rented arrays go back to the pool
/// when the body is disposed, which the caller does only once the exchange is over.</remarks>
internal sealed class RequestBody : Stream
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <summary>The bytes written so far; valid until the body is disposed.</summary>
    public ArraySegment<byte> Written => new(_buffer, 0, _length);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_buffer.Length - _length < buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + buffer.Length));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }

        base.Dispose(disposing);
    }
}
