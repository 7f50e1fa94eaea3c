using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Access;
using Monitoring.Storage;
using Monitoring.Storage.Access;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Storage.Access;

public sealed class ApiKeyStoreTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
    private MonitoringDatabase _database = null!;
    private ApiKeyStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(_directory);
        _store = new ApiKeyStore(_database, _time);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Create_ThenAuthenticate_GivesTheKeysNameAndRole_AndStoresOnlyAHash()
    {
        var key = await _store.CreateAsync("grafana", ApiRole.Reader, "cli:root", CancellationToken.None);

        var found = await _store.AuthenticateAsync(key, CancellationToken.None);
        Assert.Equal(("grafana", ApiRole.Reader, "cli:root"), (found!.Name, found.Role, found.CreatedBy));
        await using var context = _database.CreateContext();
        var row = await context.ApiKeys.SingleAsync();
        Assert.Equal(ApiKey.Hash(key), row.Hash);
        Assert.DoesNotContain(row.Hash, key, StringComparison.Ordinal);
        Assert.Equal(ApiKey.LookupIdOf(key), row.LookupId);
    }

    [Fact]
    public async Task Authenticate_AfterRevoke_IsNull_AndTheRevokeIsAudited()
    {
        var key = await _store.CreateAsync("ci", ApiRole.Operator, "cli:root", CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));

        await _store.RevokeAsync("ci", "key:admin", CancellationToken.None);

        Assert.Null(await _store.AuthenticateAsync(key, CancellationToken.None));
        var listed = Assert.Single(await _store.ListAsync(CancellationToken.None));
        Assert.Equal((_time.GetUtcNow(), "key:admin"), (listed.RevokedAt, listed.RevokedBy));
        var (audit, total) = await new AuditTrail(_database).ReadAsync(null, "apikey.revoke", 0, 10, CancellationToken.None);
        Assert.Equal(1, total);
        Assert.Equal(("key:admin", "ci", AuditTrail.Succeeded), (audit[0].Actor, audit[0].Subject, audit[0].Outcome));
    }

    [Fact]
    public async Task Authenticate_AKeyWithTheRightLookupButAnotherSecret_IsNull()
    {
        var key = await _store.CreateAsync("ci", ApiRole.Admin, "cli:root", CancellationToken.None);
        var forged = key[..17] + new string('A', 43);

        Assert.Null(await _store.AuthenticateAsync(forged, CancellationToken.None));
        Assert.Null(await _store.AuthenticateAsync("not a key", CancellationToken.None));
    }

    [Fact]
    public async Task Create_ANameTakenEvenByARevokedKey_IsRefusedAndAudited()
    {
        await _store.CreateAsync("ci", ApiRole.Reader, "cli:root", CancellationToken.None);
        await _store.RevokeAsync("ci", "cli:root", CancellationToken.None);

        var e = await Assert.ThrowsAsync<ApiKeyException>(() => _store.CreateAsync("ci", ApiRole.Admin, "cli:root", CancellationToken.None));

        Assert.Contains("exists already", e.Message, StringComparison.Ordinal);
        var (audit, _) = await new AuditTrail(_database).ReadAsync(null, "apikey.create", 0, 10, CancellationToken.None);
        Assert.Equal(AuditTrail.Refused, audit[0].Outcome);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("-leading-dash")]
    [InlineData("vmk_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Create_AnInvalidName_IsRefused_AndNotEchoed(string name)
    {
        var e = await Assert.ThrowsAsync<ApiKeyException>(() => _store.CreateAsync(name, ApiRole.Reader, "cli:root", CancellationToken.None));

        Assert.Contains("letters, digits", e.Message, StringComparison.Ordinal);
        var (audit, _) = await new AuditTrail(_database).ReadAsync(null, "apikey.create", 0, 10, CancellationToken.None);
        Assert.Equal("(not a valid name)", audit[0].Subject);
    }

    [Fact]
    public async Task Revoke_AnUnknownName_Throws_ApiKeyNotFound()
    {
        await Assert.ThrowsAsync<ApiKeyNotFoundException>(() => _store.RevokeAsync("nobody", "cli:root", CancellationToken.None));
    }
}
