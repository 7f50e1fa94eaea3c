using Microsoft.AspNetCore.Http;

namespace Monitoring.Service.Api.Http;

/// <summary>The API's error replies, all RFC 9457 problem details (<c>application/problem+json</c>).</summary>
internal static class ApiProblems
{
    /// <summary>400 with one message per bad parameter, keyed by the parameter's name.</summary>
    public static IResult BadRequest(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: string.Join("; ", errors.SelectMany(e => e.Value)), title: "The request is not valid");

    public static IResult BadRequest(string parameter, string message) =>
        BadRequest(new Dictionary<string, string[]> { [parameter] = [message] });

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
}
