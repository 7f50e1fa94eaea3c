using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Monitoring.Tests.Storage.SqlServer;

/// <summary>Collects every fragment of one type while ScriptDom walks a parsed script.</summary>
internal sealed class FragmentCollector<T> : TSqlFragmentVisitor
    where T : TSqlFragment
{
    public List<T> Found { get; } = [];

    // Every typed Visit overload ends in this one, so one override sees every node.
    public override void Visit(TSqlFragment node)
    {
        if (node is T found)
        {
            Found.Add(found);
        }
    }
}
