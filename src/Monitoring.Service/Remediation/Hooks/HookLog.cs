using Microsoft.Extensions.Logging;

namespace Monitoring.Service.Remediation.Hooks;

/// <summary>The hooks' log messages. None carries a secret: a script gets none, a webhook's key is never logged, and
/// neither the tip's JSON nor a receiver's body is written here.</summary>
internal static partial class HookLog
{
    [LoggerMessage(EventId = 8401, Level = LogLevel.Information, Message = "Hook {Hook}: tip {Tip} started {Path} (pid {Pid})")]
    public static partial void ScriptStarted(ILogger logger, string hook, string tip, string path, int pid);

    [LoggerMessage(EventId = 8402, Level = LogLevel.Information, Message = "Hook {Hook}: tip {Tip} {Outcome}: {Result}")]
    public static partial void Finished(ILogger logger, string hook, string tip, string outcome, string result);

    [LoggerMessage(EventId = 8403, Level = LogLevel.Warning, Message = "Hook {Hook}: tip {Tip} timed out after {Seconds} s; the process and its children were killed")]
    public static partial void ScriptKilled(ILogger logger, string hook, string tip, double seconds);

    [LoggerMessage(EventId = 8404, Level = LogLevel.Information, Message = "Hook {Hook}: tip {Tip} posted to {Url}")]
    public static partial void WebhookPosting(ILogger logger, string hook, string tip, Uri url);
}
