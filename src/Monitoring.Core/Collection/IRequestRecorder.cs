namespace Monitoring.Core.Collection;

/// <summary>Counts the requests a transport sends, per target and method, so the collector's own
/// metrics show how much work a pass costs (and tests can check batching).</summary>
public interface IRequestRecorder
{
    /// <summary>One request of <paramref name="method"/> was sent to <paramref name="target"/>.</summary>
    void Record(string target, string method);
}
