using System.Xml.Linq;
using Xunit;

namespace Monitoring.Tests.ManagementPack;

public sealed class ManagementPackCheckerTests
{
    public static TheoryData<string> RealPacks => new(PackFiles.RealPackNames);

    [Theory]
    [MemberData(nameof(RealPacks))]
    public void Check_RealCommunityPack_HasNoErrors(string fileName)
    {
        var findings = ManagementPackChecker.Check(PackFiles.Real(fileName), fileName);

        Assert.DoesNotContain(findings, f => f.Kind == FindingKind.Error);
    }

    [Fact]
    public void Check_RealCommunityPacks_GapsAreTheMissingDisplayStringsTheyReallyHave()
    {
        var gaps = PackFiles.RealPackNames
            .SelectMany(name => ManagementPackChecker.Check(PackFiles.Real(name), name).Select(f => $"{name}: {f}"))
            .ToList();

        Assert.Equal(
            [
                "Azure.KeyVault.ExpiringSecrets.Monitor.xml: Gap: display strings: <Discovery ID=\"Azure.KeyVaults.Group.Discovery\"> has no display string with a name in the default language pack",
                "Microsoft.SQLServer.DatabaseStatus.ManagementPack.xml: Gap: display strings: <ClassType ID=\"UINameSpace2cfdfeb35e044cecb06c5817df55df86.Group\"> has no display string with a name in the default language pack",
            ],
            gaps);
    }

    [Fact]
    public void Check_OurPack_HasNoFindingsAtAllAndOnlyCoreLibraries()
    {
        var pack = PackFiles.Ours();

        Assert.Empty(ManagementPackChecker.Check(pack, "Monitoring.Virtualization.xml"));
        var libraries = pack.Root!.Element("Manifest")!.Element("References")!.Elements("Reference").Select(r => r.Element("ID")!.Value);
        Assert.All(libraries, l => Assert.Contains(l, ManagementPackChecker.CoreLibraries));
    }

    [Fact]
    public void Check_OurPack_HasTheElementsTheTicketAsksFor()
    {
        var root = PackFiles.Ours().Root!;
        string[] Ids(string element) => root.Descendants(element).Select(e => (string)e.Attribute("ID")!).ToArray();

        Assert.Equal(
            ["Monitoring.Virtualization.Engine", "Monitoring.Virtualization.Target", "Monitoring.Virtualization.HostGroup",
             "Monitoring.Virtualization.Host", "Monitoring.Virtualization.VirtualMachine", "Monitoring.Virtualization.Datastore"],
            Ids("ClassType"));
        Assert.Equal(7, Ids("RelationshipType").Length);
        Assert.Equal(3, Ids("Discovery").Length);
        Assert.Equal(3, Ids("Rule").Length);
        Assert.Contains("Monitoring.Virtualization.Host.CpuPressure", Ids("UnitMonitor"));
        Assert.Contains("Monitoring.Virtualization.Host.MemoryPressure", Ids("UnitMonitor"));
        Assert.Equal(2, Ids("Recovery").Length);
        Assert.Equal(7, Ids("View").Length);
        Assert.Equal(root.Descendants("UnitMonitor").Count() + 3, root.Descendants("KnowledgeArticle").Count());
        Assert.All(root.Descendants("Discovery"), d => Assert.NotEmpty(d.Descendants("ScriptBody")));
    }

    public static TheoryData<string, string, string> Mutations => new()
    {
        { "ours", "sections out of order", "element order: <TypeDefinitions> must come before <Monitoring> under <ManagementPack>" },
        { "real", "sections out of order", "element order: <TypeDefinitions> must come before <Monitoring> under <ManagementPack>" },
        { "ours", "monitor children out of order", "element order: <AlertSettings> must come before <OperationalStates> under <UnitMonitor>" },
        { "ours", "unknown element", "element order: <Widgets> is not allowed under <Presentation>" },
        { "ours", "space in an ID", "ID rules: <ClassType ID=\"Monitoring.Virtualization.Data store\"> may hold only letters, digits, '.' and '_'" },
        { "real", "space in an ID", "ID rules: <ClassType ID=\"Windows.Server.LogicalDisk.Extended x\"> may hold only letters, digits, '.' and '_'" },
        { "ours", "duplicate ID", "ID rules: \"Monitoring.Virtualization.Engine.Discovery\" is defined more than once" },
        { "ours", "pack ID not the file name", "ID rules: the pack's ID \"Monitoring.Virtualisation\" must equal its file name \"Monitoring.Virtualization\"" },
        { "ours", "three-part version", "ID rules: the pack's version \"1.0.0\" must have four parts (1.0.0.0)" },
        { "ours", "monitor target missing", "references: \"Monitoring.Virtualization.Hots\" (UnitMonitor/@Target in UnitMonitor Monitoring.Virtualization.Host.CpuPressure) is not defined in this pack" },
        { "real", "monitor target missing", "references: \"Windows.Server.LogicalDisk.Missing\" (DiscoveryClass/@TypeID in Discovery SystemDrive.LogicalDisk.Discovery) is not defined in this pack" },
        { "ours", "unknown alias", "uses the alias \"Sys\", which the manifest does not declare" },
        { "ours", "script names a class that does not exist", "references: \"Monitoring.Virtualization.Hypervisor\" (token in <ScriptBody> in Discovery Monitoring.Virtualization.Inventory.Discovery) is not defined in this pack" },
        { "ours", "state not in the monitor type", "names \"Overheated\", which its monitor type does not define" },
        { "ours", "display string property unknown", "references: SubElementID \"Colour\" is not a property or state of \"Monitoring.Virtualization.Host\"" },
        { "ours", "library outside the allow-list", "library references: \"Contoso.Virtualization.Library\" (alias Contoso) is not one of the standard packs allowed" },
        { "real", "library outside the allow-list", "library references: \"Contoso.Virtualization.Library\" (alias Contoso) is not one of the standard packs allowed" },
        { "ours", "library with another key", "library references: \"Microsoft.Windows.Library\" must be sealed with Microsoft's key 31bf3856ad364e35" },
        { "ours", "monitor without display string", "display strings: <UnitMonitor ID=\"Monitoring.Virtualization.Host.CpuPressure\"> has no display string" },
        { "ours", "rule without display string", "display strings: <Rule ID=\"Monitoring.Virtualization.AlertFeed.Warning\"> has no display string" },
        { "real", "class without display string", "display strings: <ClassType ID=\"Windows.Server.LogicalDisk.Extended\"> has no display string" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Check_MutatedCopy_ReportsTheBreak(string pack, string mutation, string expected)
    {
        var (document, fileName) = pack == "ours"
            ? (PackFiles.Ours(), "Monitoring.Virtualization.xml")
            : (PackFiles.Real("Extend.LogicalDisk.xml"), "Extend.LogicalDisk.xml");
        Assert.DoesNotContain(ManagementPackChecker.Check(document, fileName), f => f.Message.Contains(expected, StringComparison.Ordinal));

        Mutate(document.Root!, mutation);

        var findings = ManagementPackChecker.Check(document, fileName);
        Assert.Contains(findings, f => f.Message.Contains(expected, StringComparison.Ordinal));
    }

    private static void Mutate(XElement root, string mutation)
    {
        XElement ById(string element, string id) => root.Descendants(element).First(e => (string?)e.Attribute("ID") == id);
        XElement FirstWithId(string element) => root.Descendants(element).First();
        var manifest = root.Element("Manifest")!;
        switch (mutation)
        {
            case "sections out of order":
                var types = root.Element("TypeDefinitions")!;
                types.Remove();
                root.Element("Monitoring")!.AddAfterSelf(types);
                break;
            case "monitor children out of order":
                var monitor = ById("UnitMonitor", "Monitoring.Virtualization.Host.CpuPressure");
                var alert = monitor.Element("AlertSettings")!;
                alert.Remove();
                monitor.Element("OperationalStates")!.AddAfterSelf(alert);
                break;
            case "unknown element":
                root.Element("Presentation")!.AddFirst(new XElement("Widgets"));
                break;
            case "space in an ID":
                var cls = root.Descendants("ClassType").Last();
                cls.SetAttributeValue("ID", root.Descendants("ClassType").Count() > 1 ? "Monitoring.Virtualization.Data store" : cls.Attribute("ID")!.Value + " x");
                break;
            case "duplicate ID":
                var discovery = ById("Discovery", "Monitoring.Virtualization.Engine.Discovery");
                discovery.AddAfterSelf(new XElement(discovery));
                break;
            case "pack ID not the file name":
                manifest.Element("Identity")!.Element("ID")!.Value = "Monitoring.Virtualisation";
                break;
            case "three-part version":
                manifest.Element("Identity")!.Element("Version")!.Value = "1.0.0";
                break;
            case "monitor target missing":
                if (root.Descendants("UnitMonitor").Any())
                {
                    ById("UnitMonitor", "Monitoring.Virtualization.Host.CpuPressure").SetAttributeValue("Target", "Monitoring.Virtualization.Hots");
                }
                else
                {
                    FirstWithId("DiscoveryClass").SetAttributeValue("TypeID", "Windows.Server.LogicalDisk.Missing");
                }

                break;
            case "unknown alias":
                ById("ClassType", "Monitoring.Virtualization.Target").SetAttributeValue("Base", "Sys!System.LogicalEntity");
                break;
            case "script names a class that does not exist":
                var script = ById("Discovery", "Monitoring.Virtualization.Inventory.Discovery").Descendants("ScriptBody").Single();
                script.ReplaceNodes(new XCData(script.Value + "\n$x = '$MPElement[Name=\"Monitoring.Virtualization.Hypervisor\"]$'\n"));
                break;
            case "state not in the monitor type":
                ById("UnitMonitor", "Monitoring.Virtualization.Host.CpuPressure").Descendants("OperationalState").Last().SetAttributeValue("MonitorTypeStateID", "Overheated");
                break;
            case "display string property unknown":
                root.Descendants("DisplayString").First(d => (string?)d.Attribute("SubElementID") == "Cluster").SetAttributeValue("SubElementID", "Colour");
                break;
            case "library outside the allow-list":
                manifest.Element("References")!.Add(new XElement("Reference", new XAttribute("Alias", "Contoso"),
                    new XElement("ID", "Contoso.Virtualization.Library"), new XElement("Version", "1.0.0.0"), new XElement("PublicKeyToken", ManagementPackChecker.MicrosoftPublicKeyToken)));
                break;
            case "library with another key":
                manifest.Descendants("Reference").First(r => r.Element("ID")!.Value == "Microsoft.Windows.Library").Element("PublicKeyToken")!.Value = "0123456789abcdef";
                break;
            case "monitor without display string":
                RemoveDisplayString(root, "Monitoring.Virtualization.Host.CpuPressure");
                break;
            case "rule without display string":
                RemoveDisplayString(root, "Monitoring.Virtualization.AlertFeed.Warning");
                break;
            case "class without display string":
                RemoveDisplayString(root, "Windows.Server.LogicalDisk.Extended");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mutation), mutation, "no such mutation");
        }
    }

    private static void RemoveDisplayString(XElement root, string elementId)
    {
        var strings = root.Descendants("DisplayString").Where(d => (string?)d.Attribute("ElementID") == elementId && d.Attribute("SubElementID") is null).ToList();
        Assert.NotEmpty(strings);
        strings.ForEach(s => s.Remove());
    }
}
