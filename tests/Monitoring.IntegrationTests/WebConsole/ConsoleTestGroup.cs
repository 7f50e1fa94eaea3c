using Xunit;

namespace Monitoring.IntegrationTests.WebConsole;

/// <summary>The console's test classes share one service, simulator and browser (<see cref="ConsoleService"/>): starting
/// them takes most of a minute on a loaded machine. Tests of one collection run one after another, so an action one
/// test takes on the page (an acknowledgement, a maintenance window) never races another test's reading.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleTestGroup : ICollectionFixture<ConsoleService>
{
    public const string Name = "web console";
}
