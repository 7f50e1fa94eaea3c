using Monitoring.Core.Collection;
using Monitoring.Sources.WinRM.WsMan;
using Xunit;

namespace Monitoring.Tests.Sources.WinRM.WsMan;

public sealed class WsManFaultReaderTests
{
    [Theory]
    [InlineData("WinRb-WinRM/soap_fault_v1.xml", null)]
    [InlineData("WinRb-WinRM/soap_fault_v2.xml", "vagrant-2008R2")]
    public async Task Fault_CapturedInvalidClass_KeepsSubcodeCodeMachineAndTheProvidersWords(string file, string? machine)
    {
        var fault = await FaultOf(CapturedReplies.File(file));

        Assert.Equal(WmiErrorKind.InvalidClass, fault.Kind);
        Assert.Equal("CannotProcessFilter", fault.Subcode);
        Assert.Equal(0x8033801Au, fault.ErrorCode);
        Assert.Equal(machine, fault.Machine);
        Assert.Equal("The specified class does not exist in the given namespace.", fault.Message);
        Assert.Equal("wsman:CannotProcessFilter, code 0x8033801A", fault.Codes);
    }

    [Fact]
    public async Task Fault_CapturedQuotaLimitWithWmiError_TakesTheWmiErrorCodeAndMessage()
    {
        var fault = await FaultOf(CapturedReplies.File("WinRb-WinRM/wmi_error_v2.xml"));

        Assert.Equal(WmiErrorKind.QuotaLimit, fault.Kind);
        Assert.Equal(2150859173u, fault.ErrorCode);
        Assert.StartsWith("The WS-Management service cannot process the request. This user is allowed a maximum number of 30 concurrent shells", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fault_CapturedOmiInternalError_IsOtherWithTheReason()
    {
        var fault = await FaultOf(CapturedReplies.File("WinRb-WinRM/soap_fault_omi.xml"));

        Assert.Equal(WmiErrorKind.Other, fault.Kind);
        Assert.Equal("InternalError", fault.Subcode);
        Assert.Null(fault.ErrorCode);
        Assert.Equal("get-instance: instance name parameter is missing", fault.Message);
    }

    [Fact]
    public async Task Fault_CapturedTimedOut_IsTimedOut()
    {
        var fault = await FaultOf(CapturedReplies.FaultFrom("jborean93-pypsrp/test_winrs_operation_timeout.yml", "w:TimedOut"));

        Assert.Equal(WmiErrorKind.TimedOut, fault.Kind);
        Assert.Equal(2150858793u, fault.ErrorCode);
    }

    [Fact]
    public async Task Fault_CapturedInvalidSelectors_IsNotFound()
    {
        var fault = await FaultOf(CapturedReplies.FaultFrom("jborean93-pypsrp/test_psrp_is_alive_invalid_selectors.yml", "w:InvalidSelectors"));

        Assert.Equal(WmiErrorKind.NotFound, fault.Kind);
        Assert.Equal("InvalidSelectors", fault.Subcode);
    }

    [Fact]
    public async Task Fault_CapturedInvalidHeader_IsOtherWithTheDetailMessage()
    {
        var fault = await FaultOf(CapturedReplies.FaultFrom("jborean93-pypsrp/test_psrp_is_alive_other_wsman_error.yml", "InvalidMessageInformationHeader"));

        Assert.Equal(WmiErrorKind.Other, fault.Kind);
        Assert.Equal("InvalidMessageInformationHeader", fault.Subcode);
        Assert.Contains("PT-1S", fault.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x80041003u, "Sender", "AccessDenied")]
    [InlineData(5u, "AccessDenied", "AccessDenied")]
    [InlineData(null, "AccessDenied", "AccessDenied")]
    [InlineData(0x8004100Eu, "InternalError", "InvalidNamespace")]
    [InlineData(0x80041010u, "InternalError", "InvalidClass")]
    [InlineData(0x80041017u, "CannotProcessFilter", "InvalidQuery")]
    [InlineData(null, "CannotProcessFilter", "InvalidQuery")]
    [InlineData(0x80041002u, "InternalError", "NotFound")]
    [InlineData(null, "InvalidEnumerationContext", "InvalidEnumerationContext")]
    [InlineData(0x80338029u, "TimedOut", "TimedOut")]
    public void Classify_WmiAndWsManCodes_MapToTheirKind(uint? code, string subcode, string expected) =>
        Assert.Equal(Enum.Parse<WmiErrorKind>(expected), WsManFaultReader.Classify(code, subcode));

    [Fact]
    public async Task Fault_WmiAccessDeniedInProviderFault_IsAccessDenied()
    {
        // The captured WinRM 2.0 fault shape with the WMI provider's access-denied code in place of the
        // class error (no access-denied capture is public).
        var reply = CapturedReplies.File("WinRb-WinRM/soap_fault_v2.xml")
            .Replace("Code=\"2150858778\" Machine=\"vagrant-2008R2\"", "Code=\"2147749891\" Machine=\"vagrant-2008R2\"", StringComparison.Ordinal);

        var fault = await FaultOf(reply);

        Assert.Equal(WmiErrorKind.AccessDenied, fault.Kind);
        Assert.Equal(0x80041003u, fault.ErrorCode);
    }

    private static async Task<WsManFault> FaultOf(string reply)
    {
        using var client = new WsManClient(new ReplayTransport(reply), TimeSpan.FromSeconds(30), "hv01", null);
        var e = await Record.ExceptionAsync(() => client.QueryAsync("root/cimv2", "SELECT * FROM Win32_Processa", CancellationToken.None));
        Assert.IsNotType<TargetFailureException>(e);
        return Assert.IsType<WsManFault>(e);
    }
}
