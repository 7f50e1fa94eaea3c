namespace Monitoring.Tests.ManagementPack;

/// <summary>How bad a finding is.</summary>
internal enum FindingKind
{
    /// <summary>The operations manager would refuse the pack, or a workflow would not load: element order, IDs,
    /// unresolved references, libraries outside the allow-list.</summary>
    Error,

    /// <summary>The pack imports, but an operator sees raw IDs: a class, monitor, rule or discovery without a display string.
    /// Real community packs have some; ours must have none.</summary>
    Gap,
}
