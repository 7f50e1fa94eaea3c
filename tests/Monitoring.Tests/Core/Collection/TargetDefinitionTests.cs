using System.Text.Json;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Core.Collection;

public sealed class TargetDefinitionTests
{
    private const string Password = "hunter2-is-not-a-password";

    [Fact]
    public void ToString_Record_ShowsTheTargetButNotThePassword()
    {
        var target = TestTargets.VSphere(password: Password);

        var text = target.ToString();

        Assert.Contains("vc01", text, StringComparison.Ordinal);
        Assert.Contains("Password = ***", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_AsJson_DoesNotCarryThePassword()
    {
        var json = JsonSerializer.Serialize(TestTargets.VSphere(password: Password));

        Assert.Contains("vc01", json, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, json, StringComparison.Ordinal);
    }

    [Fact]
    public void With_ChangedTimeout_StillHidesThePassword()
    {
        var target = TestTargets.VSphere(password: Password) with { Timeout = TimeSpan.FromSeconds(5) };

        Assert.DoesNotContain(Password, $"{target}", StringComparison.Ordinal);
    }
}
