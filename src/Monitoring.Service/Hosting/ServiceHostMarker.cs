namespace Monitoring.Service.Hosting;

/// <summary>The log category of the service host's own messages.</summary>
internal sealed class ServiceHostMarker
{
}
