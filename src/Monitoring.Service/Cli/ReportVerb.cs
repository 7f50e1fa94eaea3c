using System.CommandLine;
using System.Text;
using Monitoring.Reports.Capacity;
using Monitoring.Reports.Rendering;
using Monitoring.Service.Cli.Progress;

namespace Monitoring.Service.Cli;

/// <summary><c>report capacity [--format html|csv|json] [--out FILE] [--days N]</c>: the capacity report, on stdout or
/// in a file.</summary>
internal static class ReportVerb
{
    public static Command Create(GlobalOptions global)
    {
        var format = new Option<string>("--format") { Description = "html (default), csv or json.", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong([.. ReportFormats.ByName.Keys]);
        var json = new Option<bool>("--json") { Description = "The same as --format json: stdout is the JSON document alone." };
        var output = new Option<FileInfo?>("--out") { Description = "Write the report to this file instead of stdout." };
        var days = new Option<int>("--days") { Description = "The window, days ending now (1-730).", DefaultValueFactory = _ => CapacityOptions.DefaultDays };
        var reserve = new Option<int>("--reserve-hosts") { Description = "Hosts per cluster held back for failover (N+k).", DefaultValueFactory = _ => CapacityOptions.DefaultReserveHosts };
        var ratio = new Option<double>("--target-ratio") { Description = "Share of capacity that counts as full (above 0, up to 1).", DefaultValueFactory = _ => CapacityOptions.DefaultTargetRatio };

        var capacity = new Command("capacity", "Capacity per cluster and host, headroom, trends, days to exhaustion, P2V candidates.") { format, json, output, days, reserve, ratio };
        capacity.SetAction((parse, ct) => CliApplication.GuardAsync(parse, global, async () =>
        {
            var options = new CapacityOptions { Days = parse.GetValue(days), ReserveHosts = parse.GetValue(reserve), TargetRatio = parse.GetValue(ratio) };
            var problems = options.Problems();
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync($"usage: {problem}").ConfigureAwait(false);
                }

                return ExitCodes.UsageError;
            }

            var chosen = parse.GetValue(json) ? ReportFormat.Json : ReportFormats.ByName[parse.GetValue(format)!];
            var file = parse.GetValue(output);
            var text = await CliProgress.RunAsync("report capacity", 0, async sink =>
            {
                sink.Step("opening the database");
                await using var context = await VerbContext.OpenAsync(parse, global, ct, sink).ConfigureAwait(false);
                var report = await new CapacityReports(context.Get<Storage.MonitoringDatabase>(), context.Get<TimeProvider>()).GenerateAsync(options, sink.Step, ct).ConfigureAwait(false);
                sink.Step($"writing {chosen.ToString().ToLowerInvariant()}");
                var rendered = ReportFormats.Render(report, chosen);
                if (file is not null)
                {
                    await File.WriteAllTextAsync(file.FullName, rendered, new UTF8Encoding(false), ct).ConfigureAwait(false);
                    sink.Step($"written to {file.FullName}");
                }

                return rendered;
            }).ConfigureAwait(false);

            if (file is null)
            {
                await Console.Out.WriteAsync(text).ConfigureAwait(false);
                await Console.Out.FlushAsync(ct).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return new Command("report", "Reports from the stored data.") { capacity };
    }
}
