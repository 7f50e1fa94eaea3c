using System.CommandLine;
using Monitoring.Service.Configuration;

namespace Monitoring.Service.Cli;

/// <summary>The command line: verbs, global options and the contract's exit codes.</summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(string[] args)
    {
        var global = new GlobalOptions();
        var root = new RootCommand("Monitoring integration pack: collects virtualization inventory, health and performance.")
        {
            global.Config,
            global.Verbose,
            global.LogFormat,
        };
        root.Subcommands.Add(RunVerb.Create(global));
        root.Subcommands.Add(CollectVerb.Create(global));
        root.Subcommands.Add(InventoryVerb.Create(global));
        root.Subcommands.Add(DbVerb.Create(global));
        root.Subcommands.Add(DemoVerb.Create(global));
        root.Subcommands.Add(RulesVerb.Create(global));
        root.Subcommands.Add(ApiKeyVerb.Create(global));
        root.Subcommands.Add(AlertsVerb.Create(global));
        root.Subcommands.Add(TipsVerb.Create(global));
        root.Subcommands.Add(ReportVerb.Create(global));
        root.Subcommands.Add(PortsVerb.Create(global));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"usage: {error.Message}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("run 'monitoring --help' for the verbs and their options").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        // On Ctrl+C or SIGTERM the verb's token is cancelled; give `run` time to finish its jobs and
        // flush buffered samples (the host's own shutdown timeout is 30 s) before the process ends.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(40) };
        return await parse.InvokeAsync(invocation).ConfigureAwait(false);
    }

    /// <summary>Runs a verb's body and turns what escapes it into the contract's exit codes:
    /// 2 for configuration, 1 for anything else, with no stack trace unless <c>--verbose</c>.</summary>
    public static async Task<int> GuardAsync(ParseResult parse, GlobalOptions global, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (ConfigurationException e)
        {
            foreach (var problem in e.Problems)
            {
                await Console.Error.WriteLineAsync($"configuration error: {problem}").ConfigureAwait(false);
            }

            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled").ConfigureAwait(false);
            return ExitCodes.TargetFailed;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync(parse.GetValue(global.Verbose) ? $"error: {e}" : $"error: {e.Message} (--verbose shows details)").ConfigureAwait(false);
            return ExitCodes.TargetFailed;
        }
    }
}
