using Monitoring.HealthModel.Storage;

namespace Monitoring.Service.Exports.Feed;

/// <summary>The change log of a service that keeps no alerts: empty. The feed then answers with no items rather than
/// an error, so a connector set up before alerting works and simply finds nothing yet.</summary>
internal sealed class EmptyAlertChangeLog : IAlertChangeLog
{
    public static EmptyAlertChangeLog Instance { get; } = new();

    public long LastSequence => 0;

    public IReadOnlyList<AlertChange> ReadAfter(long afterSequence, int max) => [];
}
