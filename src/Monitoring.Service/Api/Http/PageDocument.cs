namespace Monitoring.Service.Api.Http;

/// <summary>One page of a list: the items, how many match in all, and where this page starts.</summary>
internal sealed record PageDocument<T>(IReadOnlyList<T> Items, int Total, int Offset, int Limit);
