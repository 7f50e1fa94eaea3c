using Monitoring.Core.Model;

namespace Monitoring.Sources.WinRM.Windows;

/// <summary>What a Windows host says about itself: the host and its fixed volumes.</summary>
internal sealed record HostFacts(InventoryHost Host, IReadOnlyList<InventoryDatastore> Volumes);
