using Xunit;

namespace Monitoring.Tests.ManagementPack;

public sealed class ManagementPackScriptTests
{
    public static TheoryData<string> ScriptNames => new(EmbeddedScripts().Keys);

    [Fact]
    public void Pack_EmbedsEveryScriptOfTheSources()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(PackFiles.SourceDirectory, "scripts"), "*.ps1")
            .Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(sources, EmbeddedScripts().Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ScriptNames))]
    public void EmbeddedScript_ParsesAsWindowsPowerShell51(string scriptName)
    {
        var problems = WindowsPowerShell51Syntax.Problems(EmbeddedScripts()[scriptName]);

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("$a = $b ?? 'x'", "the null-coalescing operator ??")]
    [InlineData("$x = $ok ? 1 : 2", "the ternary operator")]
    [InlineData("Get-Item . && Get-Item ..", "the pipeline chain operator &&")]
    [InlineData("$n = ${reply}?.items", "the null-conditional member access")]
    [InlineData("Invoke-RestMethod -Uri $u -SkipCertificateCheck", "Invoke-RestMethod -SkipCertificateCheck exists only in PowerShell 6")]
    [InlineData("$o = $text | ConvertFrom-Json -AsHashtable", "ConvertFrom-Json -AsHashtable exists only in PowerShell 6")]
    [InlineData("1..3 | ForEach-Object -Parallel { $_ }", "ForEach-Object -Parallel exists only in PowerShell 6")]
    [InlineData("if ($IsWindows) { 1 }", "$IsWindows exists only in PowerShell 6")]
    [InlineData("$j = Join-String -InputObject 1,2", "Join-String exists only in PowerShell 6")]
    [InlineData("\"Host: $name: down\"", "parse error")]
    [InlineData("# caf\u00e9\n$a = 1", "is not ASCII")]
    public void Problems_PowerShell7OnlyOrBrokenScript_IsNamed(string script, string expected)
    {
        var problems = WindowsPowerShell51Syntax.Problems(script);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    private static Dictionary<string, string> EmbeddedScripts()
    {
        // The same script can be embedded more than once (both PRO recoveries run Invoke-ProTip.ps1): keep one of each.
        var scripts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var body in PackFiles.Ours().Descendants("ScriptBody"))
        {
            var name = body.Parent!.Element("ScriptName")!.Value;
            scripts[name] = body.Value;
        }

        return scripts;
    }
}
