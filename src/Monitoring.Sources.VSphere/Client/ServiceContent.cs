namespace Monitoring.Sources.VSphere.Client;

/// <summary>The parts of <c>ServiceInstance.content</c> the collector uses.</summary>
/// <param name="RootFolder">The inventory root.</param>
/// <param name="PropertyCollector">The property collector every read goes through.</param>
/// <param name="ViewManager">Creates container views.</param>
/// <param name="SessionManager">Logs in and out.</param>
/// <param name="PerfManager">The performance manager (counter catalog, <c>QueryPerf</c>), or null when the
/// endpoint has none: only inventory can be read from it then.</param>
/// <param name="FullName">The product and build, e.g. "VMware vCenter Server 6.5.0".</param>
/// <param name="ApiType"><c>VirtualCenter</c> for vCenter, <c>HostAgent</c> for a standalone ESX host.</param>
/// <param name="ApiVersion">The newest API version the server speaks, e.g. <c>6.5</c>.</param>
internal sealed record ServiceContent(
    ManagedObjectReference RootFolder,
    ManagedObjectReference PropertyCollector,
    ManagedObjectReference ViewManager,
    ManagedObjectReference SessionManager,
    ManagedObjectReference? PerfManager,
    string FullName,
    string ApiType,
    string ApiVersion);
