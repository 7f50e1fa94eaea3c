using System.Xml;
using System.Xml.Linq;
using Monitoring.Sources.VSphere.Client;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Sources.VSphere.Performance;

public sealed class QueryPerfResultReaderTests
{
    private static readonly Uri s_endpoint = new("https://127.0.0.1:38001/sdk");
    private static readonly ManagedObjectReference s_perfManager = new("PerformanceManager", "PerfMgr");

    /// <summary>A reply of govmomi's simulator 0.24 to a QueryPerf for one host and one VM, as it sent it:
    /// nanosecond timestamps, newest first, and xsi types under its own "XMLSchema-instance" prefix.</summary>
    private const string SimulatorReply =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<soapenv:Envelope xmlns:soapenc=\"http://schemas.xmlsoap.org/soap/encoding/\" xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>"
        + "<QueryPerfResponse xmlns=\"urn:vim25\"><returnval xmlns:XMLSchema-instance=\"http://www.w3.org/2001/XMLSchema-instance\" XMLSchema-instance:type=\"PerfEntityMetric\"><entity type=\"HostSystem\">host-21</entity>"
        + "<sampleInfo><timestamp>2026-11-25T18:39:56.943541231Z</timestamp><interval>20</interval></sampleInfo><sampleInfo><timestamp>2026-11-25T18:39:36.943541231Z</timestamp><interval>20</interval></sampleInfo><sampleInfo><timestamp>2026-11-25T18:39:16.943541231Z</timestamp><interval>20</interval></sampleInfo>"
        + "<value XMLSchema-instance:type=\"PerfMetricIntSeries\"><id><counterId>2</counterId><instance></instance></id><value>1988</value><value>5478</value><value>6317</value></value>"
        + "<value XMLSchema-instance:type=\"PerfMetricIntSeries\"><id><counterId>98</counterId><instance></instance></id><value>65008116</value><value>67482257</value><value>42300441</value></value></returnval>"
        + "<returnval xmlns:XMLSchema-instance=\"http://www.w3.org/2001/XMLSchema-instance\" XMLSchema-instance:type=\"PerfEntityMetric\"><entity type=\"VirtualMachine\">vm-69</entity>"
        + "<sampleInfo><timestamp>2026-11-25T18:39:56.943549427Z</timestamp><interval>20</interval></sampleInfo><sampleInfo><timestamp>2026-11-25T18:39:36.943549427Z</timestamp><interval>20</interval></sampleInfo><sampleInfo><timestamp>2026-11-25T18:39:16.943549427Z</timestamp><interval>20</interval></sampleInfo>"
        + "<value XMLSchema-instance:type=\"PerfMetricIntSeries\"><id><counterId>2</counterId><instance></instance></id><value>634</value><value>954</value><value>595</value></value></returnval>"
        + "</QueryPerfResponse></soapenv:Body></soapenv:Envelope>";

    [Fact]
    public async Task ReadAsync_SimulatorReply_ReadsEveryEntityWithItsSamplesAndSeries()
    {
        var entities = await ReadAsync(SimulatorReply);

        Assert.Equal([new ManagedObjectReference("HostSystem", "host-21"), new ManagedObjectReference("VirtualMachine", "vm-69")], entities.Select(e => e.Entity));
        var host = entities[0];
        Assert.Equal(
            [new DateTimeOffset(2026, 11, 25, 18, 39, 56, TimeSpan.Zero).AddTicks(9_435_412), new DateTimeOffset(2026, 11, 25, 18, 39, 36, TimeSpan.Zero).AddTicks(9_435_412), new DateTimeOffset(2026, 11, 25, 18, 39, 16, TimeSpan.Zero).AddTicks(9_435_412)],
            host.SampleInfo.Select(s => s.Timestamp));
        Assert.All(host.SampleInfo, s => Assert.Equal(20, s.IntervalSeconds));
        Assert.Equal([2, 98], host.Values.Select(v => v.CounterId));
        Assert.All(host.Values, v => Assert.Equal(string.Empty, v.Instance));
        Assert.Equal([65_008_116L, 67_482_257L, 42_300_441L], host.Values[1].Values);
        Assert.Equal([634L, 954L, 595L], Assert.Single(entities[1].Values).Values);
    }

    [Fact]
    public async Task ReadAsync_EmptyResult_ReadsNothing()
    {
        var entities = await ReadAsync(SoapMessages.Reply("QueryPerf", string.Empty));

        Assert.Empty(entities);
    }

    [Fact]
    public void Parse_InstanceSeriesAndNoValueMarkers_KeepsThemForTheCallerToJudge()
    {
        var entity = Element(
            "<returnval xsi:type=\"PerfEntityMetric\"><entity type=\"VirtualMachine\">vm-1</entity>"
            + "<sampleInfo><timestamp>2013-06-01T10:20:20Z</timestamp><interval>20</interval></sampleInfo>"
            + "<sampleInfo><timestamp>2013-06-01T10:20:40Z</timestamp><interval>20</interval></sampleInfo>"
            + "<value xsi:type=\"PerfMetricIntSeries\"><id><counterId>6</counterId><instance>0</instance></id><value>-1</value><value>12</value></value></returnval>");

        var metric = QueryPerfResultReader.Parse(entity);

        var series = Assert.Single(metric.Values);
        Assert.Equal("0", series.Instance);
        Assert.Equal([-1L, 12L], series.Values);
        Assert.Equal(new DateTimeOffset(2013, 6, 1, 10, 20, 20, TimeSpan.Zero), metric.SampleInfo[0].Timestamp);
    }

    [Theory]
    [InlineData("<returnval xsi:type=\"PerfEntityMetricCSV\"><entity type=\"VirtualMachine\">vm-1</entity><sampleInfoCSV>20,2013-06-01T10:20:20Z</sampleInfoCSV></returnval>", "PerfEntityMetricCSV")]
    [InlineData("<returnval xsi:type=\"PerfEntityMetric\"><sampleInfo><timestamp>2013-06-01T10:20:20Z</timestamp><interval>20</interval></sampleInfo></returnval>", "entity")]
    [InlineData("<returnval xsi:type=\"PerfEntityMetric\"><entity type=\"VirtualMachine\">vm-1</entity><sampleInfo><timestamp>yesterday</timestamp><interval>20</interval></sampleInfo></returnval>", "timestamp")]
    [InlineData("<returnval xsi:type=\"PerfEntityMetric\"><entity type=\"VirtualMachine\">vm-1</entity><value xsi:type=\"PerfMetricIntSeries\"><id><counterId>6</counterId><instance></instance></id><value>1.5</value></value></returnval>", "whole number")]
    public void Parse_ReplyOfTheWrongShape_ThrowsXmlExceptionSayingWhat(string xml, string expected)
    {
        var e = Assert.Throws<XmlException>(() => QueryPerfResultReader.Parse(Element(xml)));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    private static XElement Element(string xml) =>
        XElement.Parse(xml.Insert(xml.IndexOf(' ', StringComparison.Ordinal), " xmlns=\"urn:vim25\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""));

    private static async Task<List<PerfEntityMetric>> ReadAsync(string reply)
    {
        using var client = new VimSoapClient(new FakeHandler(_ => SoapMessages.Http(reply)), s_endpoint, TimeSpan.FromSeconds(30), null);
        var entities = new List<PerfEntityMetric>();
        await client.InvokeStreamingAsync(
            "QueryPerf",
            s_perfManager,
            null,
            async (reader, ct) =>
            {
                await QueryPerfResultReader.ReadAsync(reader, entities.Add, ct);
                return true;
            },
            CancellationToken.None);
        return entities;
    }
}
