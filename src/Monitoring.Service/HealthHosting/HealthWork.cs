using Monitoring.HealthModel;

namespace Monitoring.Service.HealthHosting;

/// <summary>One piece of work for the health engine, queued by a pass and done on the health service's own loop.</summary>
/// <param name="Step">What it is, for the log when it fails ("realtime samples of vc01").</param>
/// <param name="Apply">The work itself.</param>
internal sealed record HealthWork(string Step, Action<HealthEngine> Apply);
