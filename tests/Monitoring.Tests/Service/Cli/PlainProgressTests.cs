using Monitoring.Service.Cli.Progress;
using Xunit;

namespace Monitoring.Tests.Service.Cli;

/// <summary>Progress when stderr is not a terminal: one plain line per step, counting completed items.</summary>
public sealed class PlainProgressTests
{
    [Fact]
    public void Steps_WithAKnownTotal_AreNumberedLines()
    {
        using var output = new StringWriter();
        var progress = new PlainProgress(output, "collect", 2);

        progress.Step("polling 2 target(s)");
        progress.Completed("vc1 done");
        progress.Completed("vc2 FAILED");

        Assert.Equal(
            ["progress: collect: [0/2] polling 2 target(s)", "progress: collect: [1/2] vc1 done", "progress: collect: [2/2] vc2 FAILED"],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Steps_WithoutATotal_HaveNoCount()
    {
        using var output = new StringWriter();
        new PlainProgress(output, "db migrate", 0).Step("applying migration 1/3: Initial");

        Assert.Equal("progress: db migrate: applying migration 1/3: Initial" + Environment.NewLine, output.ToString());
    }
}
