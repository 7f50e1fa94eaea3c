namespace Monitoring.Core.Configuration;

/// <summary>The <c>Monitoring:Retention</c> section: how long performance data is kept.</summary>
public sealed class RetentionOptions
{
    public const int DefaultRawHours = 48;
    public const int DefaultHourlyDays = 90;
    public const int DefaultDailyDays = 730;

    /// <summary>Hours of one-minute data. Default 48.</summary>
    public int? RawHours { get; set; }

    /// <summary>Days of hourly rollups. Default 90.</summary>
    public int? HourlyDays { get; set; }

    /// <summary>Days of daily rollups. Default 730 (two years).</summary>
    public int? DailyDays { get; set; }
}
