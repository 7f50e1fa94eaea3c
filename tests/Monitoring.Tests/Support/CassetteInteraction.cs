using System.Net;
using System.Text;

namespace Monitoring.Tests.Support;

/// <summary>One recorded HTTP exchange of a vcrpy cassette.</summary>
/// <param name="RequestBody">What the client sent; null for a bodiless GET.</param>
/// <param name="StatusCode">The server's status code.</param>
/// <param name="StatusMessage">The server's reason phrase.</param>
/// <param name="ResponseBody">What the server answered.</param>
/// <param name="ResponseHeaders">The server's headers, in recorded order.</param>
internal sealed record CassetteInteraction(
    string? RequestBody,
    int StatusCode,
    string StatusMessage,
    string ResponseBody,
    IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders)
{
    /// <summary>The vim25 method the request called (the first element of the SOAP body), or null.</summary>
    public string? SoapMethod => RequestBody is null ? null : SoapMessages.MethodOf(RequestBody);

    /// <summary>The recorded reply as the server sent it: status, reason, headers (Set-Cookie included) and body.</summary>
    public HttpResponseMessage ToResponse()
    {
        var response = new HttpResponseMessage((HttpStatusCode)StatusCode)
        {
            ReasonPhrase = StatusMessage,
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(ResponseBody)),
        };
        foreach (var (name, value) in ResponseHeaders)
        {
            if (name.Equals("content-length", StringComparison.OrdinalIgnoreCase))
            {
                continue; // The content knows its own length.
            }

            if (name.StartsWith("content-", StringComparison.OrdinalIgnoreCase))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }
}
