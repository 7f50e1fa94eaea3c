using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Monitoring.Service.Api.Http;

/// <summary>Reads a JSON request body strictly: <c>application/json</c> only, within the size limit, no unknown
/// fields, required fields present. Each failure becomes a 4xx problem that says what was wrong.</summary>
/// <remarks>The framework's own body binding answers a bare 400 on the same failures; this says which
/// field or which line. It never echoes the body back: a body may hold something secret.</remarks>
internal static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext http, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(detail: "send the body as application/json", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type"));
        }

        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(http.Request.Body, options, cancellationToken).ConfigureAwait(false);
            return value is null
                ? (null, ApiProblems.BadRequest("body", "body: a JSON object is required, not null"))
                : (value, null);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.BadRequest("body", $"body: {Describe(e)}"));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TypedResults.Problem(detail: $"the body is larger than {ApiLimits.MaxRequestBodyBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large"));
        }
    }

    /// <summary>System.Text.Json's messages name the field and position but not the value; keep them, minus
    /// the .NET type names that mean nothing to a caller.</summary>
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var where = e.Path is null ? string.Empty : $" (at {e.Path}, line {e.LineNumber + 1})";
        var text = cut > 0 ? message[..cut] : message;
        if (text.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var name = text.Split('\'') is { Length: > 2 } parts ? parts[1] : "?";
            text = $"unknown field '{(name.Length > 64 ? name[..64] : name)}' is not allowed";
        }
        else if (text.Contains("missing required properties", StringComparison.Ordinal))
        {
            text = "a required field is missing";
        }
        else if (text.Contains("could not be converted", StringComparison.Ordinal))
        {
            text = "a field has a value of the wrong type";
        }
        else
        {
            text = "not valid JSON";
        }

        return text + where;
    }
}
