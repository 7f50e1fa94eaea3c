using Monitoring.HealthModel.Alerts;
using Monitoring.HealthModel.Storage;
using Monitoring.Service.Exports.Alertmanager;
using Xunit;
using A = Monitoring.Tests.Service.Exports.ExportTestAlerts;

namespace Monitoring.Tests.Service.Exports;

public sealed class AlertmanagerStateTests
{
    private static readonly TimeSpan s_resolvedResend = TimeSpan.FromMinutes(15);

    [Fact]
    public void Batch_OpenAlertSentManyTimes_IsTheSameLabelSetEachTime()
    {
        var state = new AlertmanagerState(s_resolvedResend);
        state.Set(A.Unreachable(), A.Raised);

        var first = Assert.Single(state.Batch(A.Raised));
        var later = Assert.Single(state.Batch(A.Raised.AddHours(5)));

        Assert.Equal(first.LabelKey, later.LabelKey);
        Assert.Null(later.EndsAt);
    }

    [Fact]
    public void Batch_AlertClosed_SentResolvedForTheResendTimeThenForgotten()
    {
        var state = new AlertmanagerState(s_resolvedResend);
        var closedAt = A.Raised.AddMinutes(2);
        state.Set(A.Unreachable(), A.Raised);
        state.Apply(new AlertChange(2, false, closedAt, A.Closed(A.Unreachable(), closedAt)), closedAt);

        var resolved = Assert.Single(state.Batch(closedAt.AddMinutes(14)));
        Assert.Equal(closedAt, resolved.EndsAt);
        Assert.Empty(state.Batch(closedAt.AddMinutes(15)));
        Assert.Equal(0, state.FiringCount);
    }

    [Fact]
    public void Batch_SeverityMovedFromWarningToCritical_OldLabelSetIsResolvedNotLeftFiring()
    {
        var state = new AlertmanagerState(s_resolvedResend);
        var moved = A.Raised.AddMinutes(1);
        state.Set(A.HostCpu(severity: AlertSeverity.Warning), A.Raised);
        state.Set(A.HostCpu(severity: AlertSeverity.Critical), moved);

        var batch = state.Batch(moved);

        Assert.Equal(2, batch.Count);
        Assert.Contains(batch, p => p.Labels["severity"] == "critical" && p.EndsAt is null);
        Assert.Contains(batch, p => p.Labels["severity"] == "warning" && p.EndsAt == moved);
    }

    [Fact]
    public void Batch_ClosedThenRaisedAgainWithTheSameLabels_OnlyTheFiringOneIsSent()
    {
        var state = new AlertmanagerState(s_resolvedResend);
        var closedAt = A.Raised.AddMinutes(1);
        state.Set(A.Unreachable(id: 1), A.Raised);
        state.Set(A.Closed(A.Unreachable(id: 1), closedAt), closedAt);
        state.Set(A.Unreachable(id: 7) with { RaisedAt = closedAt.AddMinutes(1) }, closedAt.AddMinutes(1));

        var sent = Assert.Single(state.Batch(closedAt.AddMinutes(1)));

        Assert.Null(sent.EndsAt);
        Assert.Equal(closedAt.AddMinutes(1), sent.StartsAt);
    }
}
