using Microsoft.EntityFrameworkCore;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.Exports;

/// <summary>Export positions in the database (table <c>AlertExportPositions</c>).</summary>
public sealed class ExportPositionStore : IExportPositionStore
{
    private readonly MonitoringDatabase _database;
    private readonly TimeProvider _time;

    public ExportPositionStore(MonitoringDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    public async Task<long?> GetAsync(string consumerId, CancellationToken cancellationToken)
    {
        await using var context = _database.CreateContext();
        var record = await context.AlertExportPositions.AsNoTracking().FirstOrDefaultAsync(r => r.ConsumerId == consumerId, cancellationToken).ConfigureAwait(false);
        return record?.Sequence;
    }

    public Task<long> AdvanceAsync(string consumerId, long sequence, CancellationToken cancellationToken) =>
        AdvanceAsync(consumerId, sequence, retryInsert: true, cancellationToken);

    private async Task<long> AdvanceAsync(string consumerId, long sequence, bool retryInsert, CancellationToken cancellationToken)
    {
        await using var context = _database.CreateContext();
        var record = await context.AlertExportPositions.FirstOrDefaultAsync(r => r.ConsumerId == consumerId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            context.AlertExportPositions.Add(new ExportPositionRecord { ConsumerId = consumerId, Sequence = sequence, UpdatedAt = _time.GetUtcNow() });
        }
        else if (sequence > record.Sequence)
        {
            record.Sequence = sequence;
            record.UpdatedAt = _time.GetUtcNow();
        }
        else
        {
            return record.Sequence;
        }

        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return sequence;
        }
        catch (DbUpdateException) when (record is null && retryInsert)
        {
            // Two first acknowledgements raced to insert: the other one won; move forward from it, once.
            return await AdvanceAsync(consumerId, sequence, retryInsert: false, cancellationToken).ConfigureAwait(false);
        }
    }
}
