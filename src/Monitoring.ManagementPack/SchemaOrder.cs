namespace Monitoring.ManagementPack;

/// <summary>The order the management pack schema (version 2.0, as SCOM 2012-2022 import) wants sections in,
/// and which elements are sections that fragments add to rather than items.</summary>
internal static class SchemaOrder
{
    private static readonly Dictionary<string, string[]> s_children = new(StringComparer.Ordinal)
    {
        ["ManagementPack"] = ["Manifest", "TypeDefinitions", "Categories", "Monitoring", "Templates", "PresentationTypes", "Presentation", "Reporting", "LanguagePacks", "Resources"],
        ["TypeDefinitions"] = ["EntityTypes", "DataTypes", "SchemaTypes", "SecureReferences", "ModuleTypes", "MonitorTypes"],
        ["EntityTypes"] = ["ClassTypes", "RelationshipTypes"],
        ["ModuleTypes"] = ["DataSourceModuleType", "ProbeActionModuleType", "ConditionDetectionModuleType", "WriteActionModuleType"],
        ["Monitoring"] = ["Discoveries", "Rules", "Tasks", "Monitors", "Diagnostics", "Recoveries", "Overrides"],
        ["Presentation"] = ["ConsoleTasks", "Views", "Folders", "FolderItems", "ImageReferences", "StringResources"],
        ["LanguagePack"] = ["DisplayStrings", "KnowledgeArticles"],
    };

    private static readonly HashSet<string> s_sections = new(StringComparer.Ordinal)
    {
        "TypeDefinitions", "EntityTypes", "ClassTypes", "RelationshipTypes", "DataTypes", "SchemaTypes", "SecureReferences",
        "ModuleTypes", "MonitorTypes", "Categories", "Monitoring", "Discoveries", "Rules", "Tasks", "Monitors", "Diagnostics",
        "Recoveries", "Overrides", "Presentation", "ConsoleTasks", "Views", "Folders", "FolderItems", "ImageReferences",
        "StringResources", "LanguagePacks", "DisplayStrings", "KnowledgeArticles",
    };

    /// <summary>Sections merge by name (and a <c>LanguagePack</c> by its ID); everything else is an item, appended.</summary>
    public static bool IsSection(string name) => s_children.ContainsKey(name) || s_sections.Contains(name);

    /// <summary>The position of <paramref name="child"/> under <paramref name="parent"/>; children of parents without an
    /// order table keep their order (int.MaxValue for all).</summary>
    public static int Rank(string parent, string child)
    {
        if (!s_children.TryGetValue(parent, out var order))
        {
            return int.MaxValue;
        }

        var index = Array.IndexOf(order, child);
        return index < 0 ? throw new ManagementPackBuildException($"<{child}> is not allowed under <{parent}>; allowed, in order: {string.Join(", ", order)}") : index;
    }
}
