using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Collection;
using Monitoring.Core.Model;
using Monitoring.Sources.VSphere;
using Monitoring.Tests.Sources.VSphere.Performance;
using Monitoring.Tests.Support;
using Xunit;
using static Monitoring.Tests.Sources.VSphere.Performance.VSpherePerformanceCollectorTests;

namespace Monitoring.Tests.Sources.VSphere;

public sealed class VSphereSessionPoolTests
{
    private static readonly int s_samplesPerHost = PerformanceMetric.All.Count * 3;

    [Fact]
    public async Task UseAsync_SessionExpiredBetweenPasses_LogsInAgainOnceAndTheSecondPassSucceeds()
    {
        var vcenter = Vcenter();
        await using var pool = Pool(vcenter);
        var collector = Collector(pool);
        await collector.CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None);
        vcenter.ExpireSessions();

        var batch = await collector.CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None);

        Assert.Equal(s_samplesPerHost, batch.Samples.Count);
        Assert.Equal(2, vcenter.Logins);
        Assert.Single(vcenter.Handler.Methods, m => m == "RetrieveServiceContent"); // the same session object, logged in again
    }

    [Fact]
    public async Task UseAsync_QueryPerfFaultsNotAuthenticated_LogsInAgainAndRetriesThePassWithoutFailure()
    {
        var vcenter = Vcenter();
        var queries = 0;
        vcenter.ExpireWhen = r => r.SoapMethod == "QueryPerf" && Interlocked.Increment(ref queries) == 1;
        await using var pool = Pool(vcenter);

        var batch = await Collector(pool).CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None);

        Assert.Equal(s_samplesPerHost, batch.Samples.Count);
        Assert.Equal(2, vcenter.Logins);
        Assert.Equal(2, vcenter.Handler.Methods.Count(m => m == "QueryPerf"));
        var relogin = vcenter.Handler.Requests.Last(r => r.SoapMethod == "Login");
        Assert.Null(relogin.Cookie); // the dead session's cookie is not sent with the new login
    }

    [Fact]
    public async Task UseAsync_CatalogComesBackNotAuthenticatedInItsMissingSet_LogsInAgainAndSucceeds()
    {
        var vcenter = Vcenter();
        var reads = 0;
        vcenter.ExpireWhen = r => r.SoapMethod == "RetrievePropertiesEx" && r.Body.Contains("PerformanceManager", StringComparison.Ordinal) && Interlocked.Increment(ref reads) == 1;
        await using var pool = Pool(vcenter);

        var batch = await Collector(pool).CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None);

        Assert.Equal(s_samplesPerHost, batch.Samples.Count);
        Assert.Equal(2, vcenter.Logins);
    }

    [Fact]
    public async Task UseAsync_CatalogDeniedByNoPermission_FailsAsPermissionWithoutLoggingInAgain()
    {
        var vcenter = Vcenter();
        vcenter.CatalogFault = "NoPermission";
        await using var pool = Pool(vcenter);

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => Collector(pool).CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None));

        Assert.Equal(FailureKind.Permission, e.Kind);
        Assert.Contains("perfCounter", e.Message, StringComparison.Ordinal);
        Assert.Contains("NoPermission", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, vcenter.Logins);
    }

    [Fact]
    public async Task UseAsync_StillNotAuthenticatedAfterLoggingInAgain_FailsAsAuthenticationAfterOneRetry()
    {
        var vcenter = Vcenter();
        vcenter.ExpireWhen = r => r.SoapMethod == "QueryPerf";
        await using var pool = Pool(vcenter);

        var e = await Assert.ThrowsAsync<TargetFailureException>(() => Collector(pool).CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None));

        Assert.Equal(FailureKind.Authentication, e.Kind);
        Assert.Contains("NotAuthenticated", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, vcenter.Logins);
        Assert.Equal(2, vcenter.Handler.Methods.Count(m => m == "QueryPerf"));
    }

    [Fact]
    public async Task UseAsync_InventoryReadComesBackNotAuthenticated_LogsInAgainAndReadsTheInventory()
    {
        var vcenter = Vcenter();
        var reads = 0;
        vcenter.ExpireWhen = r => r.SoapMethod == "RetrievePropertiesEx" && Interlocked.Increment(ref reads) == 1;
        await using var pool = Pool(vcenter);
        var inventory = new VSphereCollector(pool, NullLogger<VSphereCollector>.Instance, new FakeTimeProvider());

        var snapshot = await inventory.CollectInventoryAsync(TestTargets.VSphere(), CancellationToken.None);

        Assert.Empty(snapshot.Datacenters); // the fake holds no datacenters; the point is that the pass succeeded
        Assert.Equal(2, vcenter.Logins);
    }

    [Fact]
    public async Task UseAsync_InventoryAndPerformanceOfOneTarget_ShareOneSessionAndNeverLogOutDuringUse()
    {
        var vcenter = Vcenter();
        var recorder = new CountingRecorder();
        await using var pool = Pool(vcenter, recorder);
        var inventory = new VSphereCollector(pool, NullLogger<VSphereCollector>.Instance, new FakeTimeProvider());

        await inventory.CollectInventoryAsync(TestTargets.VSphere(), CancellationToken.None);
        await Collector(pool).CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None);
        await inventory.CollectInventoryAsync(TestTargets.VSphere(), CancellationToken.None);

        Assert.Equal(1, recorder.Count("vc01", "Login"));
        Assert.Equal(1, recorder.Count("vc01", "RetrieveServiceContent"));
        Assert.Equal(0, recorder.Count("vc01", "Logout"));
        Assert.Equal(vcenter.Handler.Requests.Count, vcenter.Handler.Methods.Distinct().Sum(m => recorder.Count("vc01", m!)));
    }

    [Theory]
    [InlineData("Address")]
    [InlineData("Username")]
    [InlineData("Password")]
    [InlineData("Thumbprint")]
    [InlineData("Timeout")]
    public async Task UseAsync_ConnectionSettingChanged_LogsOutTheOldSessionAndLogsInAfresh(string setting)
    {
        var vcenter = Vcenter();
        await using var pool = Pool(vcenter);
        var collector = Collector(pool);
        var before = TestTargets.VSphere(thumbprint: new byte[32]);
        var after = setting switch
        {
            "Address" => before with { Address = new Uri("https://vc01-new.example.net/sdk") },
            "Username" => before with { Username = "svc-other" },
            "Password" => before with { Password = new Secret("rotated-Pa55word") },
            "Thumbprint" => before with { Thumbprint = Enumerable.Repeat((byte)0xAB, 32).ToArray() },
            "Timeout" => before with { Timeout = TimeSpan.FromSeconds(5) },
            _ => throw new ArgumentOutOfRangeException(nameof(setting)),
        };
        await collector.CollectRealtimeAsync(before, CancellationToken.None);
        var firstCookie = vcenter.Handler.Requests[^1].Cookie;

        await collector.CollectRealtimeAsync(after, CancellationToken.None);

        Assert.Equal(2, vcenter.Logins);
        Assert.Equal(2, vcenter.Handler.Methods.Count(m => m == "RetrieveServiceContent"));
        var logout = Assert.Single(vcenter.Handler.Requests, r => r.SoapMethod == "Logout");
        Assert.Equal(firstCookie, logout.Cookie);
        Assert.Equal(2, vcenter.Handler.Requests.Count(r => r.SoapMethod == "RetrievePropertiesEx" && r.Body.Contains("PerformanceManager", StringComparison.Ordinal))); // a new session reads the catalog again
    }

    [Fact]
    public async Task UseAsync_EqualSettingsInNewObjects_KeepsTheSession()
    {
        var vcenter = Vcenter();
        await using var pool = Pool(vcenter);
        var collector = Collector(pool);
        var first = TestTargets.VSphere(thumbprint: Enumerable.Repeat((byte)7, 32).ToArray());

        // What a configuration reload hands over: a new record, secret and thumbprint list, all equal in value.
        var reloaded = TestTargets.VSphere(thumbprint: Enumerable.Repeat((byte)7, 32).ToArray()) with { MaxQueryObjects = 64 };
        await collector.CollectRealtimeAsync(first, CancellationToken.None);
        await collector.CollectRealtimeAsync(reloaded, CancellationToken.None);

        Assert.NotEqual(first, reloaded);
        Assert.Equal(1, vcenter.Logins);
        Assert.DoesNotContain("Logout", vcenter.Handler.Methods);
    }

    [Fact]
    public async Task UseAsync_TwoJobsOfOneTargetStartTogether_LogInOnceAndBothSucceed()
    {
        var vcenter = Vcenter();
        vcenter.LoginDelay = TimeSpan.FromMilliseconds(200);
        await using var pool = Pool(vcenter);
        var collector = Collector(pool);

        var batches = await Task.WhenAll(
            collector.CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None),
            collector.CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None));

        Assert.All(batches, b => Assert.Equal(s_samplesPerHost, b.Samples.Count));
        Assert.Equal(1, vcenter.Logins);
        Assert.Single(vcenter.Handler.Methods, m => m == "RetrieveServiceContent");
    }

    [Fact]
    public async Task UseAsync_SessionExpiresUnderTwoRunningJobs_LogsInAgainOnlyOnce()
    {
        var vcenter = Vcenter();
        await using var pool = Pool(vcenter);
        var collector = Collector(pool);
        await collector.CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None);

        // Hold both jobs' first call until both have sent it, then expire the session under both.
        var arrived = 0;
        var bothThere = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        vcenter.BeforeReply = async r =>
        {
            if (r.SoapMethod == "CreateContainerView" && Interlocked.Increment(ref arrived) <= 2)
            {
                if (arrived == 2)
                {
                    vcenter.ExpireSessions();
                    bothThere.SetResult();
                }

                await bothThere.Task;
            }
        };

        var batches = await Task.WhenAll(
            collector.CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None),
            collector.CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None));

        Assert.All(batches, b => Assert.Equal(s_samplesPerHost, b.Samples.Count));
        Assert.Equal(2, vcenter.Logins); // the first login, and one renewal for both jobs
    }

    [Fact]
    public async Task DisposeAsync_AfterPassesOnTwoTargets_LogsOutOfBothSessions()
    {
        var vcenter = Vcenter();
        var pool = Pool(vcenter);
        var collector = Collector(pool);
        await collector.CollectRealtimeAsync(TestTargets.VSphere(name: "vc01"), CancellationToken.None);
        await collector.CollectRealtimeAsync(TestTargets.VSphere(name: "vc02"), CancellationToken.None);

        await pool.DisposeAsync();

        var logouts = vcenter.Handler.Requests.Where(r => r.SoapMethod == "Logout").Select(r => r.Cookie).ToList();
        Assert.Equal(2, logouts.Count);
        Assert.Equal(2, logouts.Distinct().Count());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => collector.CollectRealtimeAsync(TestTargets.VSphere(), CancellationToken.None));
    }

    [Fact]
    public async Task UseAsync_WrongPassword_FailsThenHoldsLoginsBackInsteadOfLockingTheAccount()
    {
        var cassette = Cassette.Load("vsphere/pyvmomi/2018-827747f/basic_connection_bad_password.yaml");
        var replies = new Queue<CassetteInteraction>([.. cassette.SoapInteractions, .. cassette.SoapInteractions]);
        var replay = new FakeHandler(_ => replies.Dequeue().ToResponse());
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        await using var pool = new VSphereSessionPool(NullLogger.Instance, null, (_, _) => replay, time);
        var collector = Collector(pool);
        var target = TestTargets.VSphere(username: "my_user", password: "bad_password");

        var first = await Assert.ThrowsAsync<TargetFailureException>(() => collector.CollectRealtimeAsync(target, CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(20)); // the next realtime pass
        var held = await Assert.ThrowsAsync<TargetFailureException>(() => collector.CollectRealtimeAsync(target, CancellationToken.None));
        var sentWhileHeld = replay.Methods.Count;
        time.Advance(TimeSpan.FromMinutes(1));
        var retried = await Assert.ThrowsAsync<TargetFailureException>(() => collector.CollectRealtimeAsync(target, CancellationToken.None));

        Assert.Equal(FailureKind.Authentication, first.Kind);
        Assert.Contains("InvalidLogin", first.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("bad_password", first.ToString(), StringComparison.Ordinal);
        Assert.Equal(FailureKind.Authentication, held.Kind);
        Assert.Contains("not trying again until", held.Message, StringComparison.Ordinal);
        Assert.Equal(2, sentWhileHeld); // the held pass sent nothing
        Assert.Equal(FailureKind.Authentication, retried.Kind);
        Assert.Equal(["RetrieveServiceContent", "Login", "RetrieveServiceContent", "Login"], replay.Methods);
    }

    private static FakePerformanceVCenter Vcenter()
    {
        var vcenter = new FakePerformanceVCenter();
        vcenter.AddHost("host-21");
        return vcenter;
    }
}
