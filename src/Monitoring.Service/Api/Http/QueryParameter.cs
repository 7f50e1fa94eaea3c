namespace Monitoring.Service.Api.Http;

/// <summary>A query parameter an endpoint accepts: what <see cref="QueryReader"/> allows and what the OpenAPI
/// document lists, from one declaration.</summary>
internal sealed record QueryParameter(string Name, string Description, bool Required = false)
{
    public static readonly QueryParameter Offset = new("offset", $"Items to skip, 0-{ApiLimits.MaxOffset}. Default 0.");
    public static readonly QueryParameter Limit = new("limit", $"Items per page, 1-{ApiLimits.MaxPageSize}. Default {ApiLimits.DefaultPageSize}; more is refused with 400.");

    public static string[] Names(IEnumerable<QueryParameter> parameters) => [.. parameters.Select(p => p.Name)];
}
