using System.Buffers;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>A whole reply body held in memory, in pooled chunks, read back as a stream.</summary>
/// <remarks>
/// The simulator computes a reply before it sends its first byte (seconds for 20,000 VMs, then a fraction
/// of a second for the bytes), so reading it off the wire first costs almost no overlap, and parsing from
/// memory can then use the synchronous <see cref="System.Xml.XmlReader"/> API, several times cheaper than
/// the asynchronous one. A reply is one page (at most 1,000 objects on vCenter, a few MB) or one QueryPerf
/// batch. Chunks of 64 KB stay below the large-object heap, so reading a reply never provokes a full
/// garbage collection the way a growing array would.
/// </remarks>
internal sealed class ReplyBuffer : Stream
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>How many chunks the pool keeps for the next replies: 8 MB, a page of 1,000 objects from vCenter
    /// or the QueryPerf replies in flight. Larger replies (the simulator sends its 20,000 VMs as one 31 MB page)
    /// take new chunks for the rest and drop them after: keeping those too held 30 MB more at the peak.</summary>
    private const int ChunksKept = 128;

    /// <summary>Chunks are kept here between replies rather than in the shared pool, which keeps only a few
    /// arrays of a size: a large reply's chunks then were new arrays each time, lived as long as the parse,
    /// and were copied by the garbage collector into its older generations on the way. Kept ones stay put.</summary>
    private static readonly ArrayPool<byte> s_chunks = ArrayPool<byte>.Create(ChunkSize, ChunksKept);

    private readonly List<byte[]> _chunks = [];
    private long _length;
    private long _position;

    private ReplyBuffer()
    {
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>Reads <paramref name="source"/> to its end.</summary>
    public static async Task<ReplyBuffer> ReadAsync(Stream source, CancellationToken cancellationToken)
    {
        var buffer = new ReplyBuffer();
        try
        {
            while (true)
            {
                var chunk = s_chunks.Rent(ChunkSize);
                buffer._chunks.Add(chunk);
                var filled = await source.ReadAtLeastAsync(chunk.AsMemory(0, ChunkSize), ChunkSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                buffer._length += filled;
                if (filled < ChunkSize)
                {
                    return buffer;
                }
            }
        }
        catch
        {
            await buffer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var available = (int)Math.Min(buffer.Length, _length - _position);
        if (available <= 0)
        {
            return 0;
        }

        // One chunk at a time: callers ask again for the rest.
        var (index, offset) = ((int)(_position / ChunkSize), (int)(_position % ChunkSize));
        var count = Math.Min(available, ChunkSize - offset);
        _chunks[index].AsSpan(offset, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        foreach (var chunk in _chunks)
        {
            s_chunks.Return(chunk);
        }

        _chunks.Clear();
        _length = 0;
        base.Dispose(disposing);
    }
}
