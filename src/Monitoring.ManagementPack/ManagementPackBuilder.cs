using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Monitoring.ManagementPack;

/// <summary>Builds the unsealed management pack XML from its source folder: <c>VERSION</c>, <c>Manifest.xml</c>, and every
/// <c>*.mpx</c> fragment (root <c>ManagementPackFragment</c>) in path order, with scripts pulled in from their own files.</summary>
/// <remarks>Sections (TypeDefinitions, ClassTypes, DisplayStrings, ...) from all fragments merge into one, in the order
/// the schema requires; items keep their fragment order. Script bodies are written as CDATA so they stay readable.
/// The output depends on the sources alone (no time, no machine name), so the committed file can be compared byte for byte.</remarks>
public static partial class ManagementPackBuilder
{
    public const string ManagementPackId = "Monitoring.Virtualization";
    public const string FileName = ManagementPackId + ".xml";

    private static readonly XNamespace s_xsd = "http://www.w3.org/2001/XMLSchema";

    /// <exception cref="ManagementPackBuildException">A source is missing or malformed; the message names it.</exception>
    public static string Build(string sourceDirectory)
    {
        var version = ReadVersion(sourceDirectory);
        var tokens = new BuildTokens(sourceDirectory, version);

        var root = new XElement("ManagementPack",
            new XAttribute("SchemaVersion", "2.0"),
            new XAttribute("ContentReadable", "true"),
            new XAttribute(XNamespace.Xmlns + "xsd", s_xsd.NamespaceName));
        var manifest = Load(Path.Combine(sourceDirectory, "Manifest.xml"), "Manifest", tokens);
        root.Add(manifest);
        var id = manifest.Element("Identity")?.Element("ID")?.Value;
        if (id != ManagementPackId)
        {
            throw new ManagementPackBuildException($"Manifest.xml: Identity/ID is \"{id}\"; it must be {ManagementPackId} (the file name)");
        }

        var fragments = Directory.EnumerateFiles(sourceDirectory, "*.mpx", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(sourceDirectory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (fragments.Count == 0)
        {
            throw new ManagementPackBuildException($"{sourceDirectory}: no *.mpx fragments");
        }

        foreach (var fragment in fragments)
        {
            var content = Load(Path.Combine(sourceDirectory, fragment), "ManagementPackFragment", tokens);
            foreach (var section in content.Elements())
            {
                Merge(root, section, fragment);
            }
        }

        Arrange(root);
        foreach (var script in root.Descendants("ScriptBody").ToList())
        {
            script.ReplaceNodes(new XCData("\n" + script.Value.Trim('\n') + "\n"));
        }

        return Write(new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XComment($" {ManagementPackId} {version}: built from management-pack/src by src/Monitoring.ManagementPack (mpbuild). Edit the fragments, not this file. "),
            root));
    }

    private static string ReadVersion(string sourceDirectory)
    {
        var path = Path.Combine(sourceDirectory, "VERSION");
        if (!File.Exists(path))
        {
            throw new ManagementPackBuildException($"{path}: not found (it holds the pack's version, four numbers: 1.0.0.0)");
        }

        var version = File.ReadAllText(path).Trim();
        return FourPartVersion().IsMatch(version)
            ? version
            : throw new ManagementPackBuildException($"{path}: \"{version}\" is not a four-part version such as 1.0.0.0");
    }

    private static XElement Load(string path, string expectedRoot, BuildTokens tokens)
    {
        XElement element;
        try
        {
            element = XElement.Load(path, LoadOptions.None);
        }
        catch (Exception e) when (e is XmlException or IOException)
        {
            throw new ManagementPackBuildException($"{path}: {e.Message}", e);
        }

        if (element.Name.LocalName != expectedRoot)
        {
            throw new ManagementPackBuildException($"{path}: the root element is <{element.Name.LocalName}>; expected <{expectedRoot}>");
        }

        var where = Path.GetFileName(path);
        foreach (var text in element.DescendantNodes().OfType<XText>().ToList())
        {
            text.Value = tokens.Expand(text.Value, where);
        }

        foreach (var attribute in element.DescendantsAndSelf().Attributes().ToList())
        {
            attribute.Value = tokens.Expand(attribute.Value, where);
        }

        return element;
    }

    private static void Merge(XElement into, XElement section, string fragment)
    {
        if (section.Name.LocalName == "Manifest")
        {
            throw new ManagementPackBuildException($"{fragment}: the manifest lives in Manifest.xml only");
        }

        _ = SchemaOrder.Rank(into.Name.LocalName, section.Name.LocalName); // refuses what the schema does not allow
        var existing = section.Name.LocalName == "LanguagePack"
            ? into.Elements("LanguagePack").FirstOrDefault(e => (string?)e.Attribute("ID") == (string?)section.Attribute("ID"))
            : into.Element(section.Name);
        if (existing is null)
        {
            existing = new XElement(section.Name, section.Attributes());
            into.Add(existing);
        }

        foreach (var child in section.Elements())
        {
            if (SchemaOrder.IsSection(child.Name.LocalName) || child.Name.LocalName == "LanguagePack")
            {
                Merge(existing, child, fragment);
            }
            else
            {
                existing.Add(new XElement(child));
            }
        }
    }

    /// <summary>Puts every section's children in schema order (stable: items keep their order) and drops empty sections.</summary>
    private static void Arrange(XElement element)
    {
        foreach (var child in element.Elements().ToList())
        {
            if (SchemaOrder.IsSection(child.Name.LocalName) || child.Name.LocalName == "LanguagePack")
            {
                Arrange(child);
                if (!child.HasElements)
                {
                    child.Remove();
                }
            }
        }

        var parent = element.Name.LocalName;
        var ordered = element.Elements().OrderBy(c => SchemaOrder.Rank(parent, c.Name.LocalName)).ToList();
        element.ReplaceNodes(ordered);
    }

    private static string Write(XDocument document)
    {
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Save(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+\.\d+$")]
    private static partial Regex FourPartVersion();
}
