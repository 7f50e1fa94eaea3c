using Monitoring.Core.Access;
using Xunit;

namespace Monitoring.Tests.Core.Access;

public sealed class ApiKeyTests
{
    [Fact]
    public void Generate_GivesDistinctKeysOfTheDocumentedShape_WithTheirLookupId()
    {
        var (first, lookup) = ApiKey.Generate();
        var (second, _) = ApiKey.Generate();

        Assert.Matches("^vmk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$", first);
        Assert.NotEqual(first, second);
        Assert.Equal(lookup, ApiKey.LookupIdOf(first));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("vmk_0123456789ab_short")]
    [InlineData("vmk_0123456789AB_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("' OR 1=1 --")]
    public void LookupIdOf_SomethingThatIsNotAKey_IsNull(string? presented) => Assert.Null(ApiKey.LookupIdOf(presented));

    [Fact]
    public void Matches_TheKeyAgainstItsHash_IsTrue_AndAnyOtherKeyIsFalse()
    {
        var (key, _) = ApiKey.Generate();
        var hash = ApiKey.Hash(key);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.DoesNotContain(key, hash, StringComparison.Ordinal);
        Assert.True(ApiKey.Matches(key, hash));
        Assert.False(ApiKey.Matches(key[..^1] + (key[^1] == 'A' ? 'B' : 'A'), hash));
        Assert.False(ApiKey.Matches(ApiKey.Generate().Key, hash));
    }

    [Theory]
    [InlineData("reader", ApiRole.Reader)]
    [InlineData("Operator", ApiRole.Operator)]
    [InlineData("ADMIN", ApiRole.Admin)]
    public void TryParse_RoleNames_CaseIgnored(string name, ApiRole expected)
    {
        Assert.True(ApiRoles.TryParse(name, out var role));
        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("root")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_AnythingElse_IsRefused(string? name) => Assert.False(ApiRoles.TryParse(name, out _));

    [Fact]
    public void Satisfies_EachRoleIncludesTheOnesBelow()
    {
        Assert.True(ApiRoles.Satisfies(ApiRole.Admin, ApiRole.Reader));
        Assert.True(ApiRoles.Satisfies(ApiRole.Operator, ApiRole.Operator));
        Assert.False(ApiRoles.Satisfies(ApiRole.Reader, ApiRole.Operator));
        Assert.False(ApiRoles.Satisfies(ApiRole.Operator, ApiRole.Admin));
    }
}
