namespace Monitoring.Sources.WinRM.WsMan;

/// <summary>One Enumerate or Pull reply: the items it carried and where the enumeration stands.</summary>
/// <param name="Context">The context to pull the next page with; null once the server dropped it.</param>
/// <param name="EndOfSequence">True when no more items follow.</param>
internal sealed record EnumerationPage(string? Context, bool EndOfSequence);
