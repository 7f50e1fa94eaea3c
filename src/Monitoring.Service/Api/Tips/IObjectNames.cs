namespace Monitoring.Service.Api.Tips;

/// <summary>Names the objects a tip mentions, for everything that shows a tip: the API, <c>tips --json</c> and a
/// hook's payload (<see cref="TipView.Names"/>).</summary>
internal interface IObjectNames
{
    /// <summary>A lookup from an id to its object's name (null for an id that is no known object), good for the views
    /// and payloads about to be written.</summary>
    Task<Func<string, string?>> LookupAsync(CancellationToken cancellationToken);
}
