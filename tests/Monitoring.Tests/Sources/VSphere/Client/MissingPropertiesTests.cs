using System.Xml.Linq;
using Monitoring.Core.Collection;
using Monitoring.Sources.VSphere.Client;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Sources.VSphere.Client;

/// <summary>What a missingSet means: a missing privilege (report it, do not log in again), an expired
/// session (log in again), or an object deleted while the pass ran (leave it out).</summary>
public sealed class MissingPropertiesTests
{
    [Fact]
    public void Check_RealPartialNotAuthenticatedCapture_IsAMissingPrivilegeNotAnExpiredSession()
    {
        // A real vCenter reply: two properties read, two refused with NotAuthenticated and a privilege id.
        var returnval = TestFiles.LoadXml("vsphere/govmomi/vim25_mo_fixtures_not_authenticated_fault.xml").Elements().Single();
        var content = RetrieveResultReader.Parse(returnval);

        var e = Assert.Throws<TargetFailureException>(() => MissingProperties.Check(content));

        Assert.Equal(FailureKind.Permission, e.Kind);
        Assert.Contains("message", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EveryPropertyNotAuthenticated_IsAnExpiredSession()
    {
        var content = Parse("""<missingSet><path>name</path><fault><fault xsi:type="NotAuthenticated"/></fault></missingSet><missingSet><path>runtime.host</path><fault><fault xsi:type="NotAuthenticated"/></fault></missingSet>""");

        Assert.Throws<SessionExpiredException>(() => MissingProperties.Check(content));
    }

    [Fact]
    public void Check_ObjectDeletedDuringThePass_IsLeftOut()
    {
        var content = Parse("""<missingSet><path>name</path><fault><fault xsi:type="ManagedObjectNotFound"/></fault></missingSet>""");

        Assert.False(MissingProperties.Check(content));
    }

    [Fact]
    public void Check_PartialNoPermission_IsAPermissionFailureNamingTheProperty()
    {
        var content = Parse("""<propSet><name>name</name><val xsi:type="xsd:string">vm1</val></propSet><missingSet><path>summary.config.numCpu</path><fault><fault xsi:type="NoPermission"/></fault></missingSet>""");

        var e = Assert.Throws<TargetFailureException>(() => MissingProperties.Check(content));

        Assert.Equal(FailureKind.Permission, e.Kind);
        Assert.Contains("summary.config.numCpu", e.Message, StringComparison.Ordinal);
    }

    private static ObjectContent Parse(string inner) =>
        RetrieveResultReader.Parse(XElement.Parse(
            $"""<objects xmlns="urn:vim25" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><obj type="VirtualMachine">vm-1</obj>{inner}</objects>"""));
}
