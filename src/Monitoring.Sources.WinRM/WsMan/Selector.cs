namespace Monitoring.Sources.WinRM.WsMan;

/// <summary>One key of a WS-Management selector set: which instance of a class an operation is about.</summary>
internal readonly record struct Selector(string Name, string Value);
