namespace Monitoring.Service.Collection;

/// <summary>The kinds of pass a target gets; a label value on the collector's own metrics.</summary>
internal enum PassKind
{
    Inventory,
    Realtime,
}
