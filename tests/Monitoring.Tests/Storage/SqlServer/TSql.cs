using System.Text;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit;

namespace Monitoring.Tests.Storage.SqlServer;

/// <summary>Microsoft's own T-SQL parser: with no SQL Server on this machine, the strongest check that the
/// SQL we send a server is T-SQL.</summary>
internal static class TSql
{
    /// <summary>Parses <paramref name="sql"/> as SQL Server 2022 T-SQL (quoted identifiers on, as SqlClient
    /// sets them) and fails the test with every error, line and column, when it does not parse.</summary>
    public static TSqlFragment Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        if (errors.Count > 0)
        {
            var message = new StringBuilder($"{errors.Count} T-SQL parse error(s):");
            foreach (var error in errors)
            {
                message.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n  line {error.Line}, column {error.Column}: {error.Message} (near: {Near(sql, error.Offset)})");
            }

            Assert.Fail(message.ToString());
        }

        return fragment;
    }

    /// <summary>The tables that <paramref name="commands"/> delete from, in order, each command parsed as T-SQL; fails the
    /// test on a DELETE without a WHERE (a whole table) or without a TOP (not batched below SQL Server's lock
    /// escalation).</summary>
    public static IReadOnlyList<string> BatchedDeletes(IEnumerable<string> commands)
    {
        var tables = new List<string>();
        foreach (var sql in commands)
        {
            foreach (var delete in All<DeleteSpecification>(Parse(sql)))
            {
                Assert.NotNull(delete.WhereClause);
                Assert.NotNull(delete.TopRowFilter);
                tables.Add(TableOf(delete));
            }
        }

        return tables;
    }

    /// <summary>The table a DELETE removes rows from: named directly, or through the alias of its FROM clause (as EF
    /// Core writes <c>DELETE FROM [s] FROM [StateChanges] AS [s]</c>).</summary>
    private static string TableOf(DeleteSpecification delete)
    {
        var target = ((NamedTableReference)delete.Target).SchemaObject.BaseIdentifier.Value;
        var named = delete.FromClause is null ? null : All<NamedTableReference>(delete.FromClause).FirstOrDefault(t => t.Alias?.Value == target);
        return named?.SchemaObject.BaseIdentifier.Value ?? target;
    }

    /// <summary>Every fragment of type <typeparamref name="T"/> in <paramref name="fragment"/>, in script order.</summary>
    public static IReadOnlyList<T> All<T>(TSqlFragment fragment)
        where T : TSqlFragment
    {
        var collector = new FragmentCollector<T>();
        fragment.Accept(collector);
        return collector.Found;
    }

    private static string Near(string sql, int offset)
    {
        var start = Math.Clamp(offset, 0, sql.Length);
        return sql.Substring(start, Math.Min(40, sql.Length - start)).ReplaceLineEndings(" ");
    }
}
