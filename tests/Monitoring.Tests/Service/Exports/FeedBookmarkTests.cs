using Monitoring.Service.Exports.Feed;
using Xunit;

namespace Monitoring.Tests.Service.Exports;

public sealed class FeedBookmarkTests
{
    [Fact]
    public void TryDecode_BookmarkGivenOut_GivesItsSequenceBack()
    {
        var bookmark = FeedBookmark.Encode("opsmgr", 42);

        Assert.Equal(42, FeedBookmark.TryDecode(bookmark, "opsmgr", 42, out var problem));
        Assert.Null(problem);
        Assert.DoesNotContain("42", bookmark, StringComparison.Ordinal); // opaque: not a number to edit
    }

    [Theory]
    [InlineData("42")]
    [InlineData("not base64 !")]
    [InlineData("MXxvcHNtZ3J8")] // "1|opsmgr|": cut short
    [InlineData("MnxvcHNtZ3J8NA")] // another version
    [InlineData("")]
    public void TryDecode_NotABookmarkOfThisFeed_IsRefusedWithAReason(string bookmark)
    {
        Assert.Null(FeedBookmark.TryDecode(bookmark, "opsmgr", 100, out var problem));
        Assert.StartsWith("not a bookmark this feed gave out", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_AnotherConnectorsBookmark_IsRefused()
    {
        Assert.Null(FeedBookmark.TryDecode(FeedBookmark.Encode("other", 3), "opsmgr", 100, out var problem));
        Assert.Contains("another connector", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_PastTheNewestChange_IsRefused()
    {
        Assert.Null(FeedBookmark.TryDecode(FeedBookmark.Encode("opsmgr", 101), "opsmgr", 100, out var problem));
        Assert.Contains("past the newest alert change", problem, StringComparison.Ordinal);
    }
}
