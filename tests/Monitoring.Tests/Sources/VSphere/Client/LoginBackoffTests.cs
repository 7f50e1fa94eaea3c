using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Collection;
using Monitoring.Sources.VSphere.Client;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Sources.VSphere.Client;

/// <summary>A refused password is not retried every 20 seconds (which would lock the account).</summary>
public sealed class LoginBackoffTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly LoginBackoff _backoff = new();

    [Fact]
    public void ThrowIfHeld_RightAfterARefusal_RefusesWithoutTryingAndSaysUntilWhen()
    {
        var target = TestTargets.VSphere(password: "wrong");
        _backoff.Refused(target, "login refused for user 'svc-monitor'", _time.GetUtcNow());

        var e = Assert.Throws<TargetFailureException>(() => _backoff.ThrowIfHeld(target, _time.GetUtcNow().AddSeconds(20)));

        Assert.Equal(FailureKind.Authentication, e.Kind);
        Assert.Contains("12:01:00", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfHeld_RepeatedRefusals_DoubleTheWait()
    {
        var target = TestTargets.VSphere(password: "wrong");
        _backoff.Refused(target, "refused", _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(1));
        _backoff.ThrowIfHeld(target, _time.GetUtcNow()); // one minute later: one more try is allowed
        _backoff.Refused(target, "refused", _time.GetUtcNow());

        _time.Advance(TimeSpan.FromSeconds(90));
        Assert.Throws<TargetFailureException>(() => _backoff.ThrowIfHeld(target, _time.GetUtcNow()));
        _time.Advance(TimeSpan.FromSeconds(30));
        _backoff.ThrowIfHeld(target, _time.GetUtcNow());
    }

    [Fact]
    public void ThrowIfHeld_PasswordCorrectedInTheConfiguration_TriesAtOnce()
    {
        _backoff.Refused(TestTargets.VSphere(password: "wrong"), "refused", _time.GetUtcNow());

        _backoff.ThrowIfHeld(TestTargets.VSphere(password: "right"), _time.GetUtcNow());
    }

    [Fact]
    public void ThrowIfHeld_AfterASuccessfulLogin_IsClear()
    {
        var target = TestTargets.VSphere();
        _backoff.Refused(target, "refused", _time.GetUtcNow());
        _backoff.Succeeded();

        _backoff.ThrowIfHeld(target, _time.GetUtcNow());
    }
}
