using System.Buffers;

namespace Monitoring.Service.Metrics;

/// <summary>Writes the host and VM gauges (<see cref="ObjectGauge"/>) of a scrape, in the Prometheus text
/// format or OpenMetrics, after prometheus-net has written the rest.</summary>
/// <remarks>The exporter's lock is held only while a chunk of text is formatted, never while it is sent: a
/// slow scraper cannot hold up a publish. Between chunks a publish may change values; a series it removes
/// is not written after that.</remarks>
internal static class ObjectExposition
{
    private const int ChunkBytes = 64 * 1024;

    public static async Task WriteAsync(Stream output, IReadOnlyList<ObjectGauge> gauges, bool openMetrics, Lock gate, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(ChunkBytes + 1024);
        var objects = new List<ObjectSeries>(); // one list for every gauge: a scrape allocates it once
        foreach (var gauge in gauges)
        {
            ExpositionBytes.Append(buffer, "# HELP "u8);
            ExpositionBytes.Append(buffer, gauge.Name);
            ExpositionBytes.Append(buffer, " "u8);
            ExpositionBytes.AppendHelp(buffer, gauge.Help);
            ExpositionBytes.Append(buffer, "\n# TYPE "u8);
            ExpositionBytes.Append(buffer, gauge.Name);
            ExpositionBytes.Append(buffer, " gauge\n"u8);

            lock (gate)
            {
                gauge.ObjectsInto(objects);
            }

            var next = 0;
            while (next < objects.Count)
            {
                lock (gate)
                {
                    for (; next < objects.Count && buffer.WrittenCount < ChunkBytes; next++)
                    {
                        gauge.Write(buffer, objects[next], openMetrics);
                    }
                }

                await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                buffer.ResetWrittenCount();
            }
        }

        if (openMetrics)
        {
            ExpositionBytes.Append(buffer, "# EOF\n"u8);
        }

        await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }
}
