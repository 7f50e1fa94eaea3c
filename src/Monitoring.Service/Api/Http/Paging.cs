namespace Monitoring.Service.Api.Http;

/// <summary>The <c>offset</c> and <c>limit</c> of a list request, checked against <see cref="ApiLimits"/>.</summary>
internal readonly record struct Paging(int Offset, int Limit)
{
    public static Paging From(QueryReader query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new Paging(
            query.Integer("offset", 0, 0, ApiLimits.MaxOffset),
            query.Integer("limit", ApiLimits.DefaultPageSize, 1, ApiLimits.MaxPageSize));
    }
}
