using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Monitoring.Core.Collection;
using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.IntegrationTests.Sources.WinRM;
using Monitoring.Service.Remediation.Hooks;
using Xunit;

namespace Monitoring.IntegrationTests.Remediation.Hooks;

/// <summary>Webhook hooks against a real receiver (Kestrel on 127.0.0.1) that checks the signature as docs/alerting.md
/// tells a receiver to, and against an HTTPS server whose certificate nobody trusts.</summary>
public sealed class WebHookTests
{
    private const string Key = "tip-hook-hmac-key";
    private readonly LineLogger<WebHookExecutor> _log = new();

    [Fact]
    public async Task Execute_ReceiverAccepts_ResolvedAndTheBodyIsTheTipSignedWithTheKey()
    {
        await using var receiver = await WebhookReceiver.StartAsync(new ReceiverAnswer(HttpStatusCode.Accepted));
        using var executor = Executor(new WebHook("desk", receiver.Url, new Secret(Key), TimeSpan.FromSeconds(10)));
        var tip = HookTips.For("desk");

        Assert.True(executor.CanExecute(tip));
        var outcome = await executor.ExecuteAsync(tip, _ => { }, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Result);
        Assert.Equal("HTTP 202 Accepted", outcome.Result);
        var (headers, body, _) = Assert.Single(receiver.Received);
        Assert.True(SignatureValid(headers["X-Monitoring-Signature"].ToString(), body, Key), "the receiver could not verify the signature");
        Assert.False(SignatureValid(headers["X-Monitoring-Signature"].ToString(), body, "another-key"));
        Assert.Equal(("desk", tip.Id), (headers["X-Monitoring-Hook"].ToString(), headers["X-Monitoring-Tip"].ToString()));
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal((tip.Id, "Running", "hv16/HV16-01", "hook", "desk"), (
            root.GetProperty("id").GetString(), root.GetProperty("status").GetString(), root.GetProperty("target").GetString(),
            root.GetProperty("action").GetProperty("kind").GetString(), root.GetProperty("action").GetProperty("hook").GetString()));
        Assert.Equal((tip.Details, tip.Cause, tip.ExpectedEffect, 2, "cluster-a"), (
            root.GetProperty("details").GetString(), root.GetProperty("cause").GetString(), root.GetProperty("expectedEffect").GetString(),
            root.GetProperty("priority").GetInt32(), root.GetProperty("hostGroup").GetString()));
        Assert.Equal(tip.RaisedAt, root.GetProperty("raisedAt").GetDateTimeOffset());
        Assert.DoesNotContain(_log.Lines, l => l.Contains(Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_TheTipsObjectsHaveNames_TheBodyNamesThem()
    {
        await using var receiver = await WebhookReceiver.StartAsync(new ReceiverAnswer(HttpStatusCode.OK));
        var names = new HookNames(new Dictionary<string, string> { ["hv16/HV16-01"] = "HV16-01.corp.example", ["hv16/other"] = "unrelated" });
        using var executor = Executor(new WebHook("desk", receiver.Url, new Secret(Key), TimeSpan.FromSeconds(10)), names);

        var outcome = await executor.ExecuteAsync(HookTips.For("desk"), _ => { }, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Result);
        using var json = JsonDocument.Parse(Assert.Single(receiver.Received).Body);
        var named = json.RootElement.GetProperty("names").EnumerateObject().Select(p => (p.Name, p.Value.GetString())).ToList();
        Assert.Equal([("hv16/HV16-01", "HV16-01.corp.example")], named);
    }

    [Fact]
    public async Task Execute_ReceiverAnswers500_FailedWithTheStatus()
    {
        await using var receiver = await WebhookReceiver.StartAsync(new ReceiverAnswer(HttpStatusCode.InternalServerError));
        using var executor = Executor(new WebHook("desk", receiver.Url, new Secret(Key), TimeSpan.FromSeconds(10)));

        var outcome = await executor.ExecuteAsync(HookTips.For("desk"), _ => { }, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("HTTP 500 Internal Server Error", outcome.Result);
    }

    [Fact]
    public async Task Execute_ReceiverTooSlow_FailedAfterTheTimeout()
    {
        await using var receiver = await WebhookReceiver.StartAsync(new ReceiverAnswer(HttpStatusCode.OK, TimeSpan.FromSeconds(20)));
        using var executor = Executor(new WebHook("desk", receiver.Url, new Secret(Key), TimeSpan.FromSeconds(1)));

        var outcome = await executor.ExecuteAsync(HookTips.For("desk"), _ => { }, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("timed out after 1s", outcome.Result);
    }

    [Fact]
    public async Task Execute_HttpsWithAnUntrustedCertificate_FailedAndNothingPosted()
    {
        // The WS-Man test endpoint serves HTTPS with a fresh self-signed certificate: a hook must not accept it.
        await using var untrusted = await WsManEndpoint.StartAsync("hyperv-2016");
        using var executor = Executor(new WebHook("desk", new Uri(untrusted.Url, "/hook"), new Secret(Key), TimeSpan.FromSeconds(10)));

        var outcome = await executor.ExecuteAsync(HookTips.For("desk"), _ => { }, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("SecureConnectionError", outcome.Result, StringComparison.Ordinal);
        Assert.Equal(0, untrusted.Requests("Empty"));
    }

    /// <summary>What a receiver does (docs/alerting.md), written here apart from the product's signer: HMAC-SHA256 over
    /// "t.body", lower-case hex, a fresh timestamp.</summary>
    private static bool SignatureValid(string header, byte[] body, string key)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var timestamp = long.Parse(parts["t"], CultureInfo.InvariantCulture);
        if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp) > 300)
        {
            return false;
        }

        var signed = Encoding.ASCII.GetBytes(parts["t"] + ".").Concat(body).ToArray();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), signed));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts["v1"]));
    }

    private WebHookExecutor Executor(WebHook hook, HookNames? names = null) => new(new HookCatalog([hook]), names ?? HookNames.None, TimeProvider.System, _log);
}
