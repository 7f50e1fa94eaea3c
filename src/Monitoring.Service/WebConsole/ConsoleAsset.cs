namespace Monitoring.Service.WebConsole;

/// <summary>One file of the web console, read from the assembly: its bytes, media type and entity tag.</summary>
internal sealed record ConsoleAsset(string Name, byte[] Content, string ContentType, string ETag);
