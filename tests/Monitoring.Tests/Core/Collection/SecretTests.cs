using System.Text.Json;
using Monitoring.Core.Collection;
using Xunit;

namespace Monitoring.Tests.Core.Collection;

public sealed class SecretTests
{
    private const string Password = "hunter2-is-not-a-password";

    [Fact]
    public void ToString_Always_IsThreeStars()
    {
        Assert.Equal("***", new Secret(Password).ToString());
    }

    [Fact]
    public void Interpolation_InAMessage_ShowsStars()
    {
        var secret = new Secret(Password);

        var message = $"login as svc-monitor with {secret}";

        Assert.Equal("login as svc-monitor with ***", message);
    }

    [Fact]
    public void Serialize_AsJson_CarriesNoValue()
    {
        var json = JsonSerializer.Serialize(new Secret(Password));

        Assert.DoesNotContain(Password, json, StringComparison.Ordinal);
    }

    [Fact]
    public void Reveal_Always_GivesTheValue()
    {
        Assert.Equal(Password, new Secret(Password).Reveal());
    }
}
