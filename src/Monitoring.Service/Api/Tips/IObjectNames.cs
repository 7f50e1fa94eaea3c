using Monitoring.Service.HealthHosting;

namespace Monitoring.Service.Api.Tips;

/// <summary>Names the objects a tip mentions, for <c>tips --json</c> and a hook's payload (<see cref="TipView.Names"/>),
/// where the names may have to be read from the database first. The API's endpoints, which run only in the service,
/// ask the health model directly (<see cref="HealthService.KnownNameOf"/>), as <see cref="HealthObjectNames"/> does.</summary>
internal interface IObjectNames
{
    /// <summary>A lookup from an id to its object's name (null for an id that is no known object), good for the views
    /// and payloads about to be written.</summary>
    Task<Func<string, string?>> LookupAsync(CancellationToken cancellationToken);
}
