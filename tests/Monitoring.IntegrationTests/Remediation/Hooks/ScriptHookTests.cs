using System.Globalization;
using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.Service.Remediation.Hooks;
using Xunit;

namespace Monitoring.IntegrationTests.Remediation.Hooks;

/// <summary>Script hooks run for real: shell scripts (TestData/hooks) started as processes, fed the tip on stdin.</summary>
public sealed class ScriptHookTests : IDisposable
{
    private readonly Workspace _workspace = new();
    private readonly LineLogger<ScriptHookExecutor> _log = new();
    private readonly List<string> _progress = [];

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Execute_ScriptAcceptsTheTip_ResolvedWithWhatItPrinted()
    {
        var envFile = Path.Combine(_workspace.Directory, "env.txt");
        var executor = Executor(new ScriptHook("drain", Script("check-tip.sh"), ["hv16/HV16-01", envFile], TimeSpan.FromSeconds(30)));
        var tip = HookTips.For("drain");

        Assert.True(executor.CanExecute(tip));
        var outcome = await executor.ExecuteAsync(tip, _progress.Add, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Result);
        Assert.Equal($"exit code 0: drained hv16/HV16-01 for tip {tip.Id}", outcome.Result);
        Assert.Contains(_progress, p => p.StartsWith("hook drain: started check-tip.sh (pid ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_ScriptRefusesTheTip_FailedWithExitCodeAndFirstStderrLineTrimmed()
    {
        var executor = Executor(new ScriptHook("drain", Script("check-tip.sh"), ["hv16/HV16-02", Path.Combine(_workspace.Directory, "env.txt")], TimeSpan.FromSeconds(30)));

        var outcome = await executor.ExecuteAsync(HookTips.For("drain"), _progress.Add, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("exit code 3: expected target hv16/HV16-02, got hv16/HV16-01", outcome.Result);
    }

    [Fact]
    public async Task Execute_ServiceEnvironmentHoldsASecret_ScriptSeesOnlyTheMinimalEnvironment()
    {
        var variable = "HOOK_TEST_SECRET_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "s3cret-value");
        try
        {
            var envFile = Path.Combine(_workspace.Directory, "env.txt");
            var tip = HookTips.For("drain");
            var outcome = await Executor(new ScriptHook("drain", Script("check-tip.sh"), ["hv16/HV16-01", envFile], TimeSpan.FromSeconds(30)))
                .ExecuteAsync(tip, _progress.Add, CancellationToken.None);

            Assert.True(outcome.Succeeded, outcome.Result);
            var names = File.ReadAllLines(envFile).Select(l => l.Split('=')[0]).Where(n => n.Length > 0).ToHashSet();
            Assert.DoesNotContain(variable, names);
            Assert.DoesNotContain("s3cret-value", File.ReadAllText(envFile), StringComparison.Ordinal);
            Assert.Contains($"MONITORING_TIP_ID={tip.Id}", File.ReadAllLines(envFile));
            Assert.Contains("MONITORING_HOOK=drain", File.ReadAllLines(envFile));

            // What sh itself adds (PWD, SHLVL, _) aside, nothing beyond the documented set.
            string[] allowed = ["PATH", "HOME", "TMPDIR", "TEMP", "TMP", "LANG", "MONITORING_TIP_ID", "MONITORING_HOOK", "PWD", "SHLVL", "_", "OLDPWD"];
            Assert.Empty(names.Except(allowed));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Execute_ScriptOutlivesTheTimeout_FailedAndTheWholeTreeKilled()
    {
        var pidFile = Path.Combine(_workspace.Directory, "child.pid");
        var executor = Executor(new ScriptHook("slow", Script("sleep-past-timeout.sh"), [pidFile], TimeSpan.FromSeconds(2)));
        var started = DateTimeOffset.UtcNow;

        var outcome = await executor.ExecuteAsync(HookTips.For("slow"), _progress.Add, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("timed out after 2s", outcome.Result);
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(30), "the executor waited for the sleeping child");
        var child = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
        Assert.False(IsRunning(child), $"the script's child {child} still runs after the timeout");
        Assert.Contains(_log.Lines, l => l.Contains("timed out after 2 s; the process and its children were killed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_ScriptFloodsStderrWithoutReadingStdin_FailsPromptlyWithABoundedReason()
    {
        var executor = Executor(new ScriptHook("flood", Script("flood-stderr.sh"), [], TimeSpan.FromSeconds(60)));

        var outcome = await executor.ExecuteAsync(HookTips.For("flood"), _progress.Add, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("exit code 2: xxxx", outcome.Result, StringComparison.Ordinal);
        Assert.True(outcome.Result.Length < 400, $"the reason is {outcome.Result.Length} characters long");
    }

    [Fact]
    public async Task Execute_TipNamesAWebhookOrNoHook_ScriptExecutorDeclines()
    {
        var executor = Executor(new ScriptHook("drain", Script("check-tip.sh"), [], TimeSpan.FromSeconds(5)));

        Assert.False(executor.CanExecute(HookTips.For("other")));
        var outcome = await executor.ExecuteAsync(HookTips.For("other"), _progress.Add, CancellationToken.None);
        Assert.False(outcome.Succeeded);
    }

    private static bool IsRunning(int pid)
    {
        // A killed process whose parent is gone may linger as a zombie until PID 1 reaps it: that is not running.
        var stat = $"/proc/{pid}/stat";
        for (var i = 0; i < 50 && File.Exists(stat); i++)
        {
            try
            {
                var text = File.ReadAllText(stat);
                if (text[(text.LastIndexOf(')') + 2)..].StartsWith('Z'))
                {
                    return false;
                }
            }
            catch (IOException)
            {
                return false;
            }

            Thread.Sleep(100);
        }

        return File.Exists(stat);
    }

    private ScriptHookExecutor Executor(ScriptHook hook) => new(new HookCatalog([hook]), HookNames.None, _log);

    /// <summary>A copy of a test script in the workspace, executable by its owner only, as an operator would install it.</summary>
    private string Script(string name)
    {
        var path = Path.Combine(_workspace.Directory, name);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "hooks", name), path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
