namespace Monitoring.Remediation.Tips;

/// <summary>Tips in memory: for tests and the plain-C# engine.</summary>
public sealed class InMemoryTipStore : ITipStore
{
    private readonly Dictionary<string, Tip> _tips = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Tip? Find(string id)
    {
        lock (_gate)
        {
            return _tips.GetValueOrDefault(id);
        }
    }

    public Tip? FindOpen(string conditionKey)
    {
        lock (_gate)
        {
            return _tips.Values.FirstOrDefault(t => t.ConditionKey == conditionKey && !t.Status.IsFinal());
        }
    }

    public IReadOnlyList<Tip> OpenWithPrefix(string keyPrefix)
    {
        lock (_gate)
        {
            return [.. _tips.Values.Where(t => !t.Status.IsFinal() && t.ConditionKey.StartsWith(keyPrefix, StringComparison.Ordinal))];
        }
    }

    public void Add(Tip tip)
    {
        lock (_gate)
        {
            _tips.Add(tip.Id, tip);
        }
    }

    public void Update(Tip tip)
    {
        lock (_gate)
        {
            _tips[tip.Id] = tip;
        }
    }

    public IReadOnlyList<Tip> List(TipStatus? status, string? target)
    {
        lock (_gate)
        {
            return [.. _tips.Values
                .Where(t => (status is null || t.Status == status) && (target is null || t.Target == target))
                .OrderBy(t => t.RaisedAt)];
        }
    }
}
