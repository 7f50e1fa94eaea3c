namespace Monitoring.Core.Configuration;

/// <summary>The <c>Monitoring:Retention</c> section: how long performance data and health data are kept.</summary>
public sealed class RetentionOptions
{
    public const int DefaultRawHours = 48;
    public const int DefaultHourlyDays = 90;
    public const int DefaultDailyDays = 730;
    public const int DefaultStateChangeDays = 30;
    public const int DefaultClosedAlertDays = 30;
    public const int DefaultAlertChangeLogDays = 7;
    public const int DefaultFinalTipDays = 90;

    /// <summary>Hours of one-minute data. Default 48.</summary>
    public int? RawHours { get; set; }

    /// <summary>Days of hourly rollups. Default 90.</summary>
    public int? HourlyDays { get; set; }

    /// <summary>Days of daily rollups. Default 730 (two years).</summary>
    public int? DailyDays { get; set; }

    /// <summary>Days of health state history. Default 30.</summary>
    public int? StateChangeDays { get; set; }

    /// <summary>Days a closed alert is kept after it closed. Default 30.</summary>
    public int? ClosedAlertDays { get; set; }

    /// <summary>Days the alert change log keeps an entry at least (and longer until every export has passed it). Default 7.</summary>
    public int? AlertChangeLogDays { get; set; }

    /// <summary>Days a final PRO tip (resolved, failed, dismissed, closed) is kept after its last change. Default 90.</summary>
    public int? FinalTipDays { get; set; }
}
