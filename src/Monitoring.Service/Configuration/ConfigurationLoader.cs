using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Monitoring.Core.Configuration;
using Monitoring.Service.Scheduling;
using Monitoring.Storage;
using Monitoring.Storage.HealthStores;

namespace Monitoring.Service.Configuration;

/// <summary>Loads the configuration: an optional JSON file, then environment variables over it
/// (<c>Monitoring__Targets__0__Password</c>), then checks every key and value.</summary>
internal static class ConfigurationLoader
{
    /// <param name="configPath">The <c>--config</c> file, or null for defaults plus the environment.</param>
    /// <param name="environment">Variables to read instead of the process's; tests pass their own.</param>
    /// <exception cref="ConfigurationException">Anything unusable, each problem naming its key.</exception>
    public static LoadedConfiguration Load(string? configPath, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var builder = new ConfigurationBuilder();
        string baseDirectory;
        string? source = null;
        if (configPath is not null)
        {
            source = Path.GetFullPath(configPath);
            if (!File.Exists(source))
            {
                throw new ConfigurationException($"--config: the file {source} does not exist");
            }

            baseDirectory = Path.GetDirectoryName(source)!;
            builder.AddJsonFile(source, optional: false, reloadOnChange: false);
        }
        else
        {
            baseDirectory = Directory.GetCurrentDirectory();
        }

        if (environment is null)
        {
            builder.AddEnvironmentVariables();
        }
        else
        {
            builder.AddInMemoryCollection(environment
                .Where(kv => kv.Key.Contains("__", StringComparison.Ordinal))
                .Select(kv => new KeyValuePair<string, string?>(kv.Key.Replace("__", ":", StringComparison.Ordinal), kv.Value)));
        }

        IConfigurationRoot root;
        try
        {
            root = builder.Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or JsonException)
        {
            // The innermost error carries the line and position of the mistake.
            var inner = e;
            while (inner.InnerException is not null)
            {
                inner = inner.InnerException;
            }

            throw new ConfigurationException($"--config: {source} is not valid JSON ({inner.Message})");
        }

        var section = root.GetSection(MonitoringOptions.SectionName);
        var problems = new List<string>();
        CheckFileTopLevel(source, problems);
        ConfigurationShapeCheck.Collect(section, typeof(MonitoringOptions), problems);
        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }

        var options = new MonitoringOptions();
        section.Bind(options); // cannot fail: the shape check above has vetted every key and number

        ValidateStorage(options.Storage, problems);
        HttpValidator.Validate(options.Http, baseDirectory, problems);
        var targets = TargetValidator.Validate(options.Targets, baseDirectory, problems);
        var schedule = ScheduleSettings.From(options.Schedule, problems);
        var retention = RetentionFrom(options.Retention, problems);
        var thresholds = Thresholds.From(options.Thresholds, problems);
        var health = HealthHosting.HealthConfigurationReader.From(options.Health, thresholds, schedule.RealtimeInterval, problems);
        var alertExports = Exports.AlertExportValidator.Validate(options.Alerting, baseDirectory, problems);
        var balancer = global::Monitoring.Remediation.Configuration.BalancerConfiguration.From(options.Balancer, problems);
        var hooks = Remediation.Hooks.HookValidator.Validate(options.Remediation.Hooks, baseDirectory, problems);
        var automaticLimits = global::Monitoring.Remediation.Configuration.AutomaticLimits.From(options.Remediation.Automatic, problems);
        var alertTipRules = global::Monitoring.Remediation.Alerts.AlertTipRules.From(options.Remediation.AlertRules, problems);
        Remediation.VSphereTipActions.ActionTimeout.Validate(options.Remediation, problems);
        var otlp = Otlp.OtlpSettings.From(options.Otlp, name => environment is null ? Environment.GetEnvironmentVariable(name) : environment.GetValueOrDefault(name), problems);
        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }

        return new LoadedConfiguration(options, targets, baseDirectory, source, schedule, retention) { Thresholds = thresholds, Otlp = otlp, Health = health, AlertExports = alertExports, Balancer = balancer, Hooks = hooks, AutomaticLimits = automaticLimits, AlertTipRules = alertTipRules };
    }

    /// <summary>Everything in the file lives under <c>Monitoring</c> (a <c>Logging</c> section is the one
    /// other the .NET host reads): anything else is a typo such as "Monitorng" that would otherwise
    /// run with defaults and no targets.</summary>
    private static void CheckFileTopLevel(string? source, List<string> problems)
    {
        if (source is null)
        {
            return;
        }

        var file = new ConfigurationBuilder().AddJsonFile(source, optional: false, reloadOnChange: false).Build();
        foreach (var key in file.GetChildren().Select(c => c.Key))
        {
            if (!key.Equals(MonitoringOptions.SectionName, StringComparison.OrdinalIgnoreCase) && !key.Equals("Logging", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{key}: unknown top-level key in {source}; the configuration lives under \"{MonitoringOptions.SectionName}\"");
            }
        }
    }

    private static RetentionPolicy RetentionFrom(RetentionOptions options, List<string> problems)
    {
        const string Key = "Monitoring:Retention";
        var raw = ScheduleSettings.Range(options.RawHours, RetentionOptions.DefaultRawHours, 2, 24 * 366, $"{Key}:RawHours", problems);
        var hourly = ScheduleSettings.Range(options.HourlyDays, RetentionOptions.DefaultHourlyDays, 1, 3660, $"{Key}:HourlyDays", problems);
        var daily = ScheduleSettings.Range(options.DailyDays, RetentionOptions.DefaultDailyDays, 1, 36600, $"{Key}:DailyDays", problems);
        var history = ScheduleSettings.Range(options.StateChangeDays, RetentionOptions.DefaultStateChangeDays, 1, 36600, $"{Key}:StateChangeDays", problems);
        var closed = ScheduleSettings.Range(options.ClosedAlertDays, RetentionOptions.DefaultClosedAlertDays, 1, 36600, $"{Key}:ClosedAlertDays", problems);
        var changeLog = ScheduleSettings.Range(options.AlertChangeLogDays, RetentionOptions.DefaultAlertChangeLogDays, 1, 36600, $"{Key}:AlertChangeLogDays", problems);
        var tips = ScheduleSettings.Range(options.FinalTipDays, RetentionOptions.DefaultFinalTipDays, 1, 36600, $"{Key}:FinalTipDays", problems);
        return new RetentionPolicy(TimeSpan.FromHours(raw), TimeSpan.FromDays(hourly), TimeSpan.FromDays(daily))
        {
            Health = new HealthRetention(TimeSpan.FromDays(history), TimeSpan.FromDays(closed), TimeSpan.FromDays(changeLog)),
            FinalTips = TimeSpan.FromDays(tips),
        };
    }

    private static void ValidateStorage(StorageOptions storage, List<string> problems)
    {
        var isSqlite = string.Equals(storage.Provider, StorageOptions.SqliteProvider, StringComparison.OrdinalIgnoreCase);
        var isSqlServer = string.Equals(storage.Provider, "SqlServer", StringComparison.OrdinalIgnoreCase);
        if (!isSqlite && !isSqlServer)
        {
            problems.Add($"Monitoring:Storage:Provider: '{storage.Provider}' is not a provider; use Sqlite (default) or SqlServer");
            return;
        }

        if (string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            problems.Add($"Monitoring:Storage:ConnectionString: required when set; default '{StorageOptions.DefaultConnectionString}'");
            return;
        }

        if (isSqlServer)
        {
            try
            {
                if (string.IsNullOrWhiteSpace(new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(storage.ConnectionString).DataSource))
                {
                    problems.Add("Monitoring:Storage:ConnectionString: names no server; e.g. 'Server=db01;Database=Monitoring;Integrated Security=true;Encrypt=true'");
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
            {
                // The builder names the keyword it did not understand; it does not echo values (passwords).
                problems.Add($"Monitoring:Storage:ConnectionString: not a valid SQL Server connection string ({e.Message})");
            }

            return;
        }

        try
        {
            var dataSource = new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource;
            if (string.IsNullOrWhiteSpace(dataSource) || dataSource.Equals(":memory:", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("Monitoring:Storage:ConnectionString: needs a file in Data Source (e.g. 'Data Source=data/monitoring.db'); an in-memory database would lose everything at exit");
            }
        }
        catch (ArgumentException e)
        {
            // The builder names the keyword it did not understand; values (which could hold a password) are not echoed.
            problems.Add($"Monitoring:Storage:ConnectionString: not a valid SQLite connection string ({e.Message})");
        }
    }
}
