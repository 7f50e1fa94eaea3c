namespace Monitoring.Storage.Records;

/// <summary>What every stored inventory object has: identity, owner and lifetime.</summary>
/// <remarks>Objects are never deleted: <see cref="GoneAt"/> marks one that a complete pass of its target
/// no longer found, so history and alerts keep pointing at something real.</remarks>
public interface IInventoryRecord
{
    /// <summary><c>&lt;target&gt;/&lt;native key&gt;</c>.</summary>
    string Id { get; set; }

    /// <summary>The config name of the target it was read from.</summary>
    string Target { get; set; }

    /// <summary>When a pass first found it.</summary>
    DateTimeOffset FirstSeenAt { get; set; }

    /// <summary>When the last complete pass that contained it finished.</summary>
    DateTimeOffset LastSeenAt { get; set; }

    /// <summary>When a complete pass first missed it; null while present.</summary>
    DateTimeOffset? GoneAt { get; set; }
}
