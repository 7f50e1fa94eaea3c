using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Monitoring.Tests.ManagementPack;

/// <summary>Checks an unsealed management pack (schema 2.0) for what the operations manager's import would refuse and
/// what an operator would miss: element order, ID rules, references that do not resolve, display strings, and
/// library references outside the allow-list of Microsoft's standard packs.</summary>
/// <remarks>Written from the schema's rules independently of our builder, so that it can catch the builder's mistakes;
/// proven on real community packs (test data) before it is trusted with ours.</remarks>
internal static partial class ManagementPackChecker
{
    /// <summary>Microsoft's public key token: every standard pack is sealed with it.</summary>
    public const string MicrosoftPublicKeyToken = "31bf3856ad364e35";

    /// <summary>The libraries that ship with the operations manager itself (2012 R2 to 2022).</summary>
    public static readonly IReadOnlySet<string> CoreLibraries = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.Library", "System.Health.Library", "System.Performance.Library", "System.Image.Library",
        "System.ApplicationLog.Library", "System.Snmp.Library", "System.NetworkManagement.Library",
        "Microsoft.SystemCenter.Library", "Microsoft.SystemCenter.InstanceGroup.Library", "Microsoft.SystemCenter.DataWarehouse.Library",
        "Microsoft.SystemCenter.Visualization.Library", "Microsoft.SystemCenter.Internal", "Microsoft.Windows.Library",
        "Microsoft.SystemCenter.WorkflowFoundation.Library",
    };

    /// <summary>The standard packs a pack may build on: the core libraries and Microsoft's product packs that the
    /// operations manager's catalog offers (Windows Server, SQL Server, Azure).</summary>
    public static readonly IReadOnlySet<string> StandardPacks = new HashSet<string>(CoreLibraries.Concat(
    [
        "Microsoft.Windows.Server.Library", "Microsoft.Windows.Server.2016.Discovery", "Microsoft.Windows.Server.2016.Monitoring",
        "Microsoft.SQLServer.Core.Library", "Microsoft.SQLServer.Windows.Discovery", "Microsoft.SQLServer.Windows.Monitoring",
        "Microsoft.SqlServer.Azure", "Microsoft.SystemCenter.MicrosoftAzure",
    ]), StringComparer.Ordinal);

    private static readonly Dictionary<string, string[]> s_order = new(StringComparer.Ordinal)
    {
        ["ManagementPack"] = ["Manifest", "TypeDefinitions", "Categories", "Monitoring", "Templates", "PresentationTypes", "Presentation", "Reporting", "LanguagePacks", "Resources"],
        ["Manifest"] = ["Identity", "Name", "References"],
        ["Identity"] = ["ID", "Version"],
        ["Reference"] = ["ID", "Version", "PublicKeyToken"],
        ["TypeDefinitions"] = ["EntityTypes", "DataTypes", "SchemaTypes", "SecureReferences", "ModuleTypes", "MonitorTypes"],
        ["EntityTypes"] = ["ClassTypes", "RelationshipTypes"],
        ["ModuleTypes"] = ["DataSourceModuleType", "ProbeActionModuleType", "ConditionDetectionModuleType", "WriteActionModuleType"],
        ["DataSourceModuleType"] = ["Configuration", "OverrideableParameters", "ModuleImplementation", "OutputType"],
        ["ProbeActionModuleType"] = ["Configuration", "OverrideableParameters", "ModuleImplementation", "OutputType", "InputType"],
        ["WriteActionModuleType"] = ["Configuration", "OverrideableParameters", "ModuleImplementation", "OutputType", "InputType"],
        ["UnitMonitorType"] = ["MonitorTypeStates", "Configuration", "OverrideableParameters", "MonitorImplementation"],
        ["Monitoring"] = ["Discoveries", "Rules", "Tasks", "Monitors", "Diagnostics", "Recoveries", "Overrides"],
        ["Discovery"] = ["Category", "DiscoveryTypes", "DataSource"],
        ["Rule"] = ["Category", "ManagedEntityType", "DataSources", "ConditionDetection", "WriteActions"],
        ["UnitMonitor"] = ["Category", "AlertSettings", "OperationalStates", "Configuration"],
        ["AlertSettings"] = ["AlertOnState", "AutoResolve", "AlertPriority", "AlertSeverity", "AlertParameters"],
        ["Recovery"] = ["Category", "ConditionDetection", "WriteAction"],
        ["Presentation"] = ["ConsoleTasks", "Views", "Folders", "FolderItems", "ImageReferences", "StringResources"],
        ["LanguagePack"] = ["DisplayStrings", "KnowledgeArticles"],
    };

    /// <summary>Collections whose children define elements other elements may reference by ID.</summary>
    private static readonly HashSet<string> s_definitionCollections = new(StringComparer.Ordinal)
    {
        "ClassTypes", "RelationshipTypes", "DataTypes", "SchemaTypes", "SecureReferences", "ModuleTypes", "MonitorTypes",
        "Categories", "Discoveries", "Rules", "Tasks", "Monitors", "Diagnostics", "Recoveries", "Overrides",
        "ConsoleTasks", "Views", "Folders", "StringResources",
    };

    /// <summary>Attributes whose value names another element (local <c>ID</c> or <c>Alias!ID</c>).</summary>
    private static readonly HashSet<string> s_referenceAttributes = new(StringComparer.Ordinal)
    {
        "TypeID", "Base", "Target", "Context", "ParentMonitorID", "Monitor", "Rule", "Discovery", "Recovery", "Diagnostic",
        "ParentFolder", "Folder", "ElementID", "AlertMessage", "RunAs",
    };

    private static readonly string[] s_displayed = ["ClassType", "UnitMonitor", "AggregateMonitor", "DependencyMonitor", "Rule", "Discovery"];

    public static IReadOnlyList<CheckFinding> Check(XDocument document, string fileName)
    {
        var findings = new List<CheckFinding>();
        var root = document.Root!;
        if (root.Name.LocalName != "ManagementPack" || (string?)root.Attribute("SchemaVersion") != "2.0")
        {
            findings.Add(new(FindingKind.Error, "the root must be <ManagementPack SchemaVersion=\"2.0\">"));
        }

        CheckOrder(root, findings);
        var aliases = CheckManifest(root, fileName, findings);
        var ids = CheckIds(root, findings);
        CheckReferences(root, aliases, ids, findings);
        CheckDisplayStrings(root, findings);
        return findings;
    }

    private static void CheckOrder(XElement element, List<CheckFinding> findings)
    {
        if (s_order.TryGetValue(element.Name.LocalName, out var order) && !IsInsideConfiguration(element))
        {
            var last = -1;
            string? lastName = null;
            foreach (var child in element.Elements())
            {
                var rank = Array.IndexOf(order, child.Name.LocalName);
                if (rank < 0)
                {
                    findings.Add(new(FindingKind.Error, $"element order: <{child.Name.LocalName}> is not allowed under <{element.Name.LocalName}>{Where(element)}"));
                }
                else if (rank < last)
                {
                    findings.Add(new(FindingKind.Error, $"element order: <{child.Name.LocalName}> must come before <{lastName}> under <{element.Name.LocalName}>{Where(element)}"));
                }
                else
                {
                    last = rank;
                    lastName = child.Name.LocalName;
                }
            }
        }

        foreach (var child in element.Elements())
        {
            CheckOrder(child, findings);
        }
    }

    private static Dictionary<string, string> CheckManifest(XElement root, string fileName, List<CheckFinding> findings)
    {
        var manifest = root.Element("Manifest");
        var id = manifest?.Element("Identity")?.Element("ID")?.Value ?? string.Empty;
        var expected = Path.GetFileNameWithoutExtension(fileName);
        if (id != expected)
        {
            findings.Add(new(FindingKind.Error, $"ID rules: the pack's ID \"{id}\" must equal its file name \"{expected}\""));
        }

        if (!IdPattern().IsMatch(id))
        {
            findings.Add(new(FindingKind.Error, $"ID rules: the pack's ID \"{id}\" may hold only letters, digits, '.' and '_'"));
        }

        var version = manifest?.Element("Identity")?.Element("Version")?.Value ?? string.Empty;
        if (!VersionPattern().IsMatch(version))
        {
            findings.Add(new(FindingKind.Error, $"ID rules: the pack's version \"{version}\" must have four parts (1.0.0.0)"));
        }

        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var reference in manifest?.Element("References")?.Elements("Reference") ?? [])
        {
            var alias = (string?)reference.Attribute("Alias") ?? string.Empty;
            var library = reference.Element("ID")?.Value ?? string.Empty;
            if (!aliases.TryAdd(alias, library))
            {
                findings.Add(new(FindingKind.Error, $"references: the alias \"{alias}\" is declared twice"));
            }

            if (!StandardPacks.Contains(library))
            {
                findings.Add(new(FindingKind.Error, $"library references: \"{library}\" (alias {alias}) is not one of the standard packs allowed"));
            }

            if (reference.Element("PublicKeyToken")?.Value != MicrosoftPublicKeyToken)
            {
                findings.Add(new(FindingKind.Error, $"library references: \"{library}\" must be sealed with Microsoft's key {MicrosoftPublicKeyToken}"));
            }

            if (!VersionPattern().IsMatch(reference.Element("Version")?.Value ?? string.Empty))
            {
                findings.Add(new(FindingKind.Error, $"library references: \"{library}\" needs a four-part version"));
            }
        }

        return aliases;
    }

    /// <summary>Every defined element ID (and the pack's own), with the sub-elements display strings may name.</summary>
    private static Dictionary<string, HashSet<string>> CheckIds(XElement root, List<CheckFinding> findings)
    {
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var packId = root.Element("Manifest")?.Element("Identity")?.Element("ID")?.Value;
        if (packId is not null)
        {
            ids[packId] = [];
        }

        foreach (var element in root.Descendants().Where(e => e.Parent is not null && s_definitionCollections.Contains(e.Parent.Name.LocalName)))
        {
            var id = (string?)element.Attribute("ID");
            if (id is null)
            {
                continue;
            }

            if (!IdPattern().IsMatch(id))
            {
                findings.Add(new(FindingKind.Error, $"ID rules: <{element.Name.LocalName} ID=\"{id}\"> may hold only letters, digits, '.' and '_'"));
            }

            var subElements = element.Descendants().Where(d => d.Name.LocalName is "Property" or "OperationalState" or "MonitorTypeState")
                .Select(d => (string?)d.Attribute("ID")).OfType<string>().ToHashSet(StringComparer.Ordinal);
            if (!ids.TryAdd(id, subElements))
            {
                findings.Add(new(FindingKind.Error, $"ID rules: \"{id}\" is defined more than once"));
            }
        }

        return ids;
    }

    private static void CheckReferences(XElement root, Dictionary<string, string> aliases, Dictionary<string, HashSet<string>> ids, List<CheckFinding> findings)
    {
        void Resolve(string reference, XElement at, string how)
        {
            var bang = reference.IndexOf('!', StringComparison.Ordinal);
            if (bang >= 0)
            {
                var alias = reference[..bang];
                if (!aliases.ContainsKey(alias))
                {
                    findings.Add(new(FindingKind.Error, $"references: \"{reference}\" ({how}{Where(at)}) uses the alias \"{alias}\", which the manifest does not declare"));
                }
            }
            else if (!ids.ContainsKey(reference))
            {
                findings.Add(new(FindingKind.Error, $"references: \"{reference}\" ({how}{Where(at)}) is not defined in this pack"));
            }
        }

        foreach (var element in root.Descendants())
        {
            if (element.Ancestors("Manifest").Any())
            {
                continue;
            }

            foreach (var attribute in element.Attributes())
            {
                var name = attribute.Name.LocalName;
                var isTypeOfRelationshipEnd = name == "Type" && element.Name.LocalName is "Source" or "Target" && element.Parent?.Name.LocalName == "RelationshipType";
                if ((s_referenceAttributes.Contains(name) || isTypeOfRelationshipEnd) && !attribute.Value.Contains('$', StringComparison.Ordinal))
                {
                    Resolve(attribute.Value, element, $"{element.Name.LocalName}/@{name}");
                }

                foreach (Match token in Token().Matches(attribute.Value))
                {
                    Resolve(token.Groups["ref"].Value, element, $"token in {element.Name.LocalName}/@{name}");
                }
            }

            if (element.Name.LocalName is "OutputType" or "InputType")
            {
                Resolve(element.Value.Trim(), element, element.Name.LocalName);
            }

            foreach (var text in element.Nodes().OfType<XText>())
            {
                foreach (Match token in Token().Matches(text.Value))
                {
                    Resolve(token.Groups["ref"].Value, element, $"token in <{element.Name.LocalName}>");
                }
            }

            var subElement = (string?)element.Attribute("SubElementID");
            var owner = (string?)element.Attribute("ElementID");
            if (subElement is not null && owner is not null && ids.TryGetValue(owner, out var subs) && !subs.Contains(subElement))
            {
                findings.Add(new(FindingKind.Error, $"references: SubElementID \"{subElement}\" is not a property or state of \"{owner}\""));
            }
        }

        CheckMonitorStates(root, findings);
    }

    /// <summary>A unit monitor's operational states must name states of its (local) monitor type.</summary>
    private static void CheckMonitorStates(XElement root, List<CheckFinding> findings)
    {
        var typeStates = root.Descendants("UnitMonitorType").ToDictionary(
            t => (string)t.Attribute("ID")!,
            t => t.Descendants("MonitorTypeState").Select(s => (string?)s.Attribute("ID")).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        foreach (var monitor in root.Descendants("UnitMonitor"))
        {
            if (!typeStates.TryGetValue((string?)monitor.Attribute("TypeID") ?? string.Empty, out var states))
            {
                continue;
            }

            foreach (var state in monitor.Descendants("OperationalState"))
            {
                var typeState = (string?)state.Attribute("MonitorTypeStateID");
                if (!states.Contains(typeState))
                {
                    findings.Add(new(FindingKind.Error, $"references: monitor \"{monitor.Attribute("ID")?.Value}\" state \"{state.Attribute("ID")?.Value}\" names \"{typeState}\", which its monitor type does not define"));
                }
            }
        }
    }

    private static void CheckDisplayStrings(XElement root, List<CheckFinding> findings)
    {
        var languagePacks = root.Element("LanguagePacks")?.Elements("LanguagePack").ToList() ?? [];
        var defaultPack = languagePacks.FirstOrDefault(l => (string?)l.Attribute("IsDefault") == "true") ?? languagePacks.FirstOrDefault();
        var named = defaultPack?.Element("DisplayStrings")?.Elements("DisplayString")
            .Where(d => d.Attribute("SubElementID") is null && !string.IsNullOrWhiteSpace(d.Element("Name")?.Value))
            .Select(d => (string?)d.Attribute("ElementID"))
            .ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var element in root.Descendants().Where(e => s_displayed.Contains(e.Name.LocalName) && e.Attribute("ID") is not null))
        {
            var id = (string)element.Attribute("ID")!;
            if (!named.Contains(id))
            {
                findings.Add(new(FindingKind.Gap, $"display strings: <{element.Name.LocalName} ID=\"{id}\"> has no display string with a name in the default language pack"));
            }
        }
    }

    private static bool IsInsideConfiguration(XElement element) =>
        element.Ancestors().Any(a => a.Name.LocalName is "Configuration" or "ModuleImplementation" or "MonitorImplementation" or "MamlContent");

    private static string Where(XElement element)
    {
        // The defining element (a discovery, a monitor), not a member module inside it.
        var owner = element.AncestorsAndSelf().FirstOrDefault(a => a.Attribute("ID") is not null && a.Parent is not null && s_definitionCollections.Contains(a.Parent.Name.LocalName));
        return owner is null ? string.Empty : $" in {owner.Name.LocalName} {owner.Attribute("ID")!.Value}";
    }

    [GeneratedRegex(@"^[A-Za-z0-9._]+$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+\.\d+$")]
    private static partial Regex VersionPattern();

    /// <summary><c>$MPElement[Name="X"]</c>, <c>$RunAs[Name="X"]</c> and <c>Property[Type="X"]</c>, with either quote.</summary>
    [GeneratedRegex(@"(?:\$MPElement\[Name=|\$RunAs\[Name=|Property\[Type=)[""'](?<ref>[^""']+)[""']\]")]
    private static partial Regex Token();
}
