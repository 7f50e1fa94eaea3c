using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Monitoring.Tests.Support;

/// <summary>Drives a hosted service whose loop waits on a fake clock: each step moves the clock by the loop's
/// interval and gives the loop a moment of real time to run.</summary>
internal static class FakeClockLoop
{
    /// <summary>Steps until <paramref name="done"/> holds; fails the test after <paramref name="maxSteps"/>.</summary>
    public static async Task UntilAsync(FakeTimeProvider clock, TimeSpan step, Func<bool> done, int maxSteps = 1_000)
    {
        for (var i = 0; i < maxSteps && !done(); i++)
        {
            clock.Advance(step);
            await Task.Delay(20);
        }

        Assert.True(done(), $"the service did not get there within {maxSteps} steps of {step}");
    }

    /// <summary>Lets the loop run <paramref name="count"/> more steps.</summary>
    public static async Task StepsAsync(FakeTimeProvider clock, TimeSpan step, int count)
    {
        for (var i = 0; i < count; i++)
        {
            clock.Advance(step);
            await Task.Delay(50);
        }
    }
}
