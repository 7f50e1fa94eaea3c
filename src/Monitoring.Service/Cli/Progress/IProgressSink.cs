namespace Monitoring.Service.Cli.Progress;

/// <summary>Where long command-line work reports how far it has got. Progress goes to stderr only: stdout carries
/// the verb's output alone.</summary>
internal interface IProgressSink
{
    /// <summary>A new stage starts (e.g. "reading inventory and usage").</summary>
    void Step(string description);

    /// <summary>One of the expected items is done (a target, a migration); <paramref name="description"/> says which.</summary>
    void Completed(string description);
}
