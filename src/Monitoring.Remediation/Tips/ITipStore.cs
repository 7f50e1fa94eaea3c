namespace Monitoring.Remediation.Tips;

/// <summary>Where tips live (the database in the service; memory in tests). Every write is one
/// transaction: the tip and its new history rows together.</summary>
public interface ITipStore
{
    Tip? Find(string id);

    /// <summary>The tip for this condition that is not final, if any.</summary>
    Tip? FindOpen(string conditionKey);

    /// <summary>Tips that are not final and whose condition key starts with <paramref name="keyPrefix"/>.</summary>
    IReadOnlyList<Tip> OpenWithPrefix(string keyPrefix);

    void Add(Tip tip);

    void Update(Tip tip);

    IReadOnlyList<Tip> List(TipStatus? status, string? target);
}
