using System.Management.Automation.Language;

namespace Monitoring.Tests.ManagementPack;

/// <summary>Says why a script would not run under Windows PowerShell 5.1, the PowerShell every supported agent has.</summary>
/// <remarks>
/// The parser is PowerShell 7's (Microsoft.PowerShell.SDK); it accepts everything 5.1 accepts and more. What it accepts
/// beyond 5.1 is looked for on top of its errors: the operators added in 7 (<c>? :</c>, <c>??</c>, <c>??=</c>, <c>?.</c>,
/// <c>?[]</c>, <c>&amp;&amp;</c>, <c>||</c>), the <c>clean</c> block, variables that only exist in 6 and later, cmdlets
/// that only exist in 6 and later, and parameters added in 6 and later to cmdlets that 5.1 has. Anything not ASCII is
/// refused too: the agent writes the script to a file, and 5.1 reads a file without a byte order mark as ANSI.
/// Not covered: .NET APIs missing from .NET Framework 4.x, and behaviour that differs (for example JSON arrays).
/// </remarks>
internal static class WindowsPowerShell51Syntax
{
    private static readonly Dictionary<TokenKind, string> s_newOperators = new()
    {
        [TokenKind.QuestionMark] = "the ternary operator ? : (PowerShell 7)",
        [TokenKind.QuestionQuestion] = "the null-coalescing operator ?? (PowerShell 7)",
        [TokenKind.QuestionQuestionEquals] = "the null-coalescing assignment ??= (PowerShell 7)",
        [TokenKind.QuestionDot] = "the null-conditional member access ?. (PowerShell 7)",
        [TokenKind.QuestionLBracket] = "the null-conditional index ?[] (PowerShell 7)",
        [TokenKind.AndAnd] = "the pipeline chain operator && (PowerShell 7)",
        [TokenKind.OrOr] = "the pipeline chain operator || (PowerShell 7)",
        [TokenKind.Clean] = "the clean block (PowerShell 7.3)",
    };

    private static readonly HashSet<string> s_newVariables = new(StringComparer.OrdinalIgnoreCase)
    {
        "IsWindows", "IsLinux", "IsMacOS", "IsCoreCLR", "PSStyle", "PSNativeCommandArgumentPassing", "PSNativeCommandUseErrorActionPreference",
    };

    private static readonly HashSet<string> s_newCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        "Join-String", "Test-Json", "Get-Error", "ConvertFrom-Markdown", "Show-Markdown", "Get-MarkdownOption", "Set-MarkdownOption",
        "Remove-Alias", "Get-Uptime", "Remove-Service", "Get-SecureRandom", "ConvertTo-CliXml", "ConvertFrom-CliXml", "Start-ThreadJob",
    };

    private static readonly Dictionary<string, string[]> s_newParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Invoke-RestMethod"] = WebParameters(),
        ["Invoke-WebRequest"] = WebParameters(),
        ["ConvertFrom-Json"] = ["AsHashtable", "Depth", "NoEnumerate", "DateKind"],
        ["ConvertTo-Json"] = ["AsArray", "EnumsAsStrings", "EscapeHandling"],
        ["ForEach-Object"] = ["Parallel", "ThrottleLimit", "AsJob", "TimeoutSeconds", "UseNewRunspace"],
        ["Get-Content"] = ["AsByteStream"],
        ["Set-Content"] = ["AsByteStream"],
        ["Add-Content"] = ["AsByteStream"],
        ["Split-Path"] = ["LeafBase", "Extension"],
        ["Sort-Object"] = ["Top", "Bottom", "Stable"],
        ["Select-String"] = ["Raw", "NoEmphasis", "Culture"],
        ["Measure-Object"] = ["StandardDeviation", "AllStats"],
        ["Get-Random"] = ["Shuffle", "Count"],
        ["Get-Date"] = ["AsUTC", "UnixTimeSeconds"],
        ["Get-ChildItem"] = ["FollowSymlink"],
        ["Start-Process"] = ["Environment"],
        ["Test-Connection"] = ["TargetName", "Ping", "Traceroute", "MtuSize", "TcpPort", "Repeat"],
    };

    public static IReadOnlyList<string> Problems(string script)
    {
        var problems = new List<string>();
        var ast = Parser.ParseInput(script, out var tokens, out var errors);
        problems.AddRange(errors.Select(e => $"line {e.Extent.StartLineNumber}: parse error: {e.Message}"));

        foreach (var token in tokens)
        {
            if (s_newOperators.TryGetValue(token.Kind, out var what))
            {
                problems.Add($"line {token.Extent.StartLineNumber}: {what}");
            }
        }

        foreach (var variable in ast.FindAll(a => a is VariableExpressionAst, searchNestedScriptBlocks: true).Cast<VariableExpressionAst>())
        {
            if (s_newVariables.Contains(variable.VariablePath.UserPath))
            {
                problems.Add($"line {variable.Extent.StartLineNumber}: ${variable.VariablePath.UserPath} exists only in PowerShell 6 and later");
            }
        }

        foreach (var command in ast.FindAll(a => a is CommandAst, searchNestedScriptBlocks: true).Cast<CommandAst>())
        {
            var name = command.GetCommandName();
            if (name is null)
            {
                continue;
            }

            if (s_newCommands.Contains(name))
            {
                problems.Add($"line {command.Extent.StartLineNumber}: {name} exists only in PowerShell 6 and later");
            }

            if (s_newParameters.TryGetValue(name, out var parameters))
            {
                foreach (var parameter in command.CommandElements.OfType<CommandParameterAst>())
                {
                    if (parameters.Contains(parameter.ParameterName, StringComparer.OrdinalIgnoreCase))
                    {
                        problems.Add($"line {parameter.Extent.StartLineNumber}: {name} -{parameter.ParameterName} exists only in PowerShell 6 and later");
                    }
                }
            }
        }

        for (var i = 0; i < script.Length; i++)
        {
            if (script[i] > 127)
            {
                var line = script[..i].Count(c => c == '\n') + 1;
                problems.Add($"line {line}: the character U+{(int)script[i]:X4} is not ASCII");
                break;
            }
        }

        return problems;
    }

    private static string[] WebParameters() =>
    [
        "SkipCertificateCheck", "Authentication", "Token", "SslProtocol", "SkipHeaderValidation", "StatusCodeVariable",
        "ResponseHeadersVariable", "MaximumRetryCount", "RetryIntervalSec", "NoProxy", "Resume", "SkipHttpErrorCheck", "Form",
        "CustomMethod", "AllowUnencryptedAuthentication", "FollowRelLink", "MaximumFollowRelLink", "HttpVersion",
        "ConnectionTimeoutSeconds", "OperationTimeoutSeconds", "PreserveAuthorizationOnRedirect", "AllowInsecureRedirect",
        "PreserveHttpMethodOnRedirect", "UnixSocket",
    ];
}
