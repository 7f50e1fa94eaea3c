namespace Monitoring.Tests.Support;

/// <summary>A response body that delivers some bytes and then fails as a reset connection does.</summary>
internal sealed class BreakingStream : Stream
{
    private readonly byte[] _before;
    private int _position;

    public BreakingStream(byte[] before) => _before = before;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= _before.Length)
        {
            throw new IOException("Connection reset by peer");
        }

        var n = Math.Min(count, _before.Length - _position);
        Array.Copy(_before, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
