using System.Text.RegularExpressions;

namespace Monitoring.Service.Api.Inventory;

/// <summary>What an inventory id and a target name may look like, checked before any query runs.</summary>
/// <remarks>Ids are <c>&lt;target&gt;/&lt;native key&gt;</c>: a target name (the configuration's rule) and a source's
/// key (a vSphere managed-object id such as <c>vm-42</c>, a WMI key such as a GUID). Anything else, such as
/// quotes, semicolons, spaces or SQL comments, cannot be an id and is refused with 400.</remarks>
internal static partial class ObjectIds
{
    public const string TargetRule = "a target name: letters, digits, '.', '_' and '-', starting with a letter or digit, at most 100 characters";

    public const string IdRule = "an inventory id 'target/key': the target's name, '/', then letters, digits and . _ - : { } @ / (at most 400 characters)";

    public static bool IsTargetName(string value) => TargetPattern().IsMatch(value);

    public static bool IsObjectId(string value) => value.Length <= 400 && IdPattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex TargetPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}/[A-Za-z0-9._:{}@/-]{1,299}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
