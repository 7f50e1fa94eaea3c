using System.Xml.Linq;
using Monitoring.Core.Model;
using Monitoring.Sources.VSphere.Performance;
using Xunit;

namespace Monitoring.Tests.Sources.VSphere.Performance;

public sealed class CounterCatalogTests
{
    /// <summary>Entries of govmomi's simulator 0.24 perfCounter (captured from vCenter 6.5), as it sent them.</summary>
    private const string SimulatorCatalog =
        "<val xmlns=\"urn:vim25\" xmlns:XMLSchema-instance=\"http://www.w3.org/2001/XMLSchema-instance\" XMLSchema-instance:type=\"ArrayOfPerfCounterInfo\">"
        + "<PerfCounterInfo><key>1</key><nameInfo XMLSchema-instance:type=\"ElementDescription\"><label>Usage</label><summary>CPU usage as a percentage during the interval</summary><key>usage</key></nameInfo><groupInfo XMLSchema-instance:type=\"ElementDescription\"><label>CPU</label><summary>CPU</summary><key>cpu</key></groupInfo><unitInfo XMLSchema-instance:type=\"ElementDescription\"><label>%</label><summary>Percentage</summary><key>percent</key></unitInfo><rollupType>none</rollupType><statsType>rate</statsType><level>4</level><perDeviceLevel>4</perDeviceLevel></PerfCounterInfo>"
        + "<PerfCounterInfo><key>2</key><nameInfo XMLSchema-instance:type=\"ElementDescription\"><label>Usage</label><summary>CPU usage as a percentage during the interval</summary><key>usage</key></nameInfo><groupInfo XMLSchema-instance:type=\"ElementDescription\"><label>CPU</label><summary>CPU</summary><key>cpu</key></groupInfo><unitInfo XMLSchema-instance:type=\"ElementDescription\"><label>%</label><summary>Percentage</summary><key>percent</key></unitInfo><rollupType>average</rollupType><statsType>rate</statsType><level>1</level><perDeviceLevel>3</perDeviceLevel></PerfCounterInfo>"
        + "<PerfCounterInfo><key>12</key><nameInfo XMLSchema-instance:type=\"ElementDescription\"><label>Ready</label><summary>Time that the virtual machine was ready, but could not get scheduled to run on the physical CPU during last measurement interval</summary><key>ready</key></nameInfo><groupInfo XMLSchema-instance:type=\"ElementDescription\"><label>CPU</label><summary>CPU</summary><key>cpu</key></groupInfo><unitInfo XMLSchema-instance:type=\"ElementDescription\"><label>ms</label><summary>Millisecond</summary><key>millisecond</key></unitInfo><rollupType>summation</rollupType><statsType>delta</statsType><level>1</level><perDeviceLevel>3</perDeviceLevel></PerfCounterInfo>"
        + "<PerfCounterInfo><key>24</key><nameInfo XMLSchema-instance:type=\"ElementDescription\"><label>Host consumed %</label><summary>Percentage of host physical memory that has been consumed</summary><key>usage</key></nameInfo><groupInfo XMLSchema-instance:type=\"ElementDescription\"><label>Memory</label><summary>Memory</summary><key>mem</key></groupInfo><unitInfo XMLSchema-instance:type=\"ElementDescription\"><label>%</label><summary>Percentage</summary><key>percent</key></unitInfo><rollupType>average</rollupType><statsType>absolute</statsType><level>1</level><perDeviceLevel>3</perDeviceLevel></PerfCounterInfo>"
        + "<PerfCounterInfo><key>98</key><nameInfo XMLSchema-instance:type=\"ElementDescription\"><label>Consumed</label><summary>Amount of host physical memory consumed by a virtual machine, host, or cluster</summary><key>consumed</key></nameInfo><groupInfo XMLSchema-instance:type=\"ElementDescription\"><label>Memory</label><summary>Memory</summary><key>mem</key></groupInfo><unitInfo XMLSchema-instance:type=\"ElementDescription\"><label>KB</label><summary>Kilobyte</summary><key>kiloBytes</key></unitInfo><rollupType>average</rollupType><statsType>absolute</statsType><level>1</level><perDeviceLevel>3</perDeviceLevel></PerfCounterInfo>"
        + "<PerfCounterInfo><key>125</key><nameInfo XMLSchema-instance:type=\"ElementDescription\"><label>Usage</label><summary>Aggregated disk I/O rate. For hosts, this metric includes the rates for all virtual machines running on the host during the collection interval.</summary><key>usage</key></nameInfo><groupInfo XMLSchema-instance:type=\"ElementDescription\"><label>Disk</label><summary>Disk</summary><key>disk</key></groupInfo><unitInfo XMLSchema-instance:type=\"ElementDescription\"><label>KBps</label><summary>Kilobytes per second</summary><key>kiloBytesPerSecond</key></unitInfo><rollupType>average</rollupType><statsType>rate</statsType><level>1</level><perDeviceLevel>3</perDeviceLevel></PerfCounterInfo>"
        + "<PerfCounterInfo><key>143</key><nameInfo XMLSchema-instance:type=\"ElementDescription\"><label>Usage</label><summary>Network utilization (combined transmit-rates and receive-rates) during the interval</summary><key>usage</key></nameInfo><groupInfo XMLSchema-instance:type=\"ElementDescription\"><label>Network</label><summary>Network</summary><key>net</key></groupInfo><unitInfo XMLSchema-instance:type=\"ElementDescription\"><label>KBps</label><summary>Kilobytes per second</summary><key>kiloBytesPerSecond</key></unitInfo><rollupType>average</rollupType><statsType>rate</statsType><level>1</level><perDeviceLevel>3</perDeviceLevel></PerfCounterInfo>"
        + "</val>";

    [Fact]
    public void Parse_SimulatorCatalog_FindsEverySixCounterByItsFullName()
    {
        var catalog = CounterCatalog.Parse(XElement.Parse(SimulatorCatalog), RealtimeCounters.All);

        Assert.Equal([2, 12, 24, 98, 125, 143], catalog.Ids);
        Assert.Empty(catalog.Unavailable);
        Assert.Equal(7, catalog.Size);
        Assert.Equal(PerformanceMetric.CpuUsage, catalog.Find(2)?.Metric);
        Assert.Equal(PerformanceMetric.CpuReady, catalog.Find(12)?.Metric);
        Assert.Equal(PerformanceMetric.MemoryUsage, catalog.Find(24)?.Metric);
        Assert.Equal(PerformanceMetric.MemoryConsumed, catalog.Find(98)?.Metric);
        Assert.Equal(PerformanceMetric.DiskThroughput, catalog.Find(125)?.Metric);
        Assert.Equal(PerformanceMetric.NetworkThroughput, catalog.Find(143)?.Metric);
        Assert.Null(catalog.Find(1)); // cpu.usage.none: same group and name, another rollup
    }

    [Fact]
    public void Parse_CounterInAnotherUnit_IsUnavailableRatherThanMisconverted()
    {
        var xml = SimulatorCatalog.Replace("<key>kiloBytes</key>", "<key>megaBytes</key>", StringComparison.Ordinal);

        var catalog = CounterCatalog.Parse(XElement.Parse(xml), RealtimeCounters.All);

        Assert.Null(catalog.Find(98));
        Assert.Contains(catalog.Unavailable, u => u.Contains("mem.consumed.average", StringComparison.Ordinal) && u.Contains("megaBytes", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RealtimeCounter.Percent, 2067, 0.2067)]
    [InlineData(RealtimeCounter.Percent, 10000, 1.0)]
    [InlineData(RealtimeCounter.Millisecond, 20000, 1.0)]
    [InlineData(RealtimeCounter.Millisecond, 138, 0.0069)]
    [InlineData(RealtimeCounter.KiloBytes, 1, 1024.0)]
    [InlineData(RealtimeCounter.KiloBytesPerSecond, 983, 1_006_592.0)]
    public void ToBaseUnit_RealtimeSample_ConvertsByUnit(string unit, long raw, double expected)
    {
        var counter = new RealtimeCounter("x.y.z", "x", unit);

        Assert.Equal(expected, counter.ToBaseUnit(raw, 20), 10);
    }
}
