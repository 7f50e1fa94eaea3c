using Monitoring.Sources.WinRM.WsMan;
using Xunit;

namespace Monitoring.Tests.Sources.WinRM.WsMan;

public sealed class CimDateTimeTests
{
    private static readonly DateTimeOffset s_boot = new DateTimeOffset(2013, 4, 29, 11, 43, 11, TimeSpan.FromHours(-7)).AddTicks(2_031_250);

    [Theory]
    [InlineData("2013-04-29T11:43:11.203125-07:00")] // what WinRM 2.0 and later write inside <cim:Datetime>
    [InlineData("2013-04-29T18:43:11.203125Z")]
    [InlineData(" 2013-04-29T18:43:11.203125+00:00 ")]
    [InlineData("20130429114311.203125-420")] // the DMTF form older WinRM writes
    [InlineData("20130430001311.203125+330")]
    public void Parse_EitherForm_TheSameInstantInUtc(string text)
    {
        var parsed = CimDateTime.Parse(text);

        Assert.Equal(s_boot.UtcDateTime, parsed?.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, parsed?.Offset);
    }

    [Fact]
    public void Parse_XmlFormWithoutFraction_WholeSeconds() =>
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), CimDateTime.Parse("2024-01-02T03:04:05Z"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("yesterday")]
    [InlineData("04/29/2013 11:43:11")] // a culture's format, not CIM's
    [InlineData("2013-04-29")]
    [InlineData("2013-13-29T11:43:11Z")]
    [InlineData("20130429114311.203125-4200")]
    [InlineData("20130429114311.203125*420")]
    [InlineData("2013****114311.203125-420")] // DMTF with unknown fields
    [InlineData("20130429114311.203125+999")] // an offset beyond any time zone
    [InlineData("00000011000000.000000:000")] // a CIM interval, not a point in time
    public void Parse_NeitherForm_Null(string? text) => Assert.Null(CimDateTime.Parse(text));
}
