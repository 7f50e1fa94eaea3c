using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Monitoring.Core.Access;
using Monitoring.Service.Api.Access;
using Monitoring.Service.Api.Http;

namespace Monitoring.Service.Remediation.Alerts;

/// <summary><c>POST /api/v1/alertmanager/webhook</c>: Alertmanager's webhook receiver (version 4), operator role
/// (Alertmanager sends the key as <c>Authorization: Bearer</c> from its <c>http_config</c>).</summary>
internal static class AlertmanagerWebhookEndpoints
{
    public static void MapAlertmanagerWebhook(this RouteGroupBuilder api)
    {
        api.MapPost("/alertmanager/webhook", ReceiveAsync).RequireRole(ApiRole.Operator).WithTags("Tips")
            .WithSummary("Receives Alertmanager webhooks (version 4): alerts matched by Monitoring:Remediation:AlertRules raise tips, once per fingerprint; resolved alerts close them.")
            .Accepts<JsonElement>("application/json")
            .Produces<WebhookReceipt>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, [FromServices] AlertmanagerWebhookReceiver receiver, CancellationToken ct)
    {
        if (!http.Request.HasJsonContentType())
        {
            return TypedResults.Problem(detail: "send the body as application/json (Alertmanager's webhook does)", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return ApiProblems.BadRequest("body", $"body: not valid JSON (line {e.LineNumber + 1})");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem(detail: $"the body is larger than {ApiLimits.MaxRequestBodyBytes} bytes; set max_alerts in the webhook_config", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");
        }

        using (document)
        {
            var problems = new List<string>();
            var message = WebhookMessage.Read(document.RootElement, problems);
            if (message is null)
            {
                return ApiProblems.BadRequest(problems
                    .GroupBy(p => p.Split(':')[0], StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal));
            }

            return TypedResults.Ok(await receiver.ReceiveAsync(message, ct).ConfigureAwait(false));
        }
    }
}
