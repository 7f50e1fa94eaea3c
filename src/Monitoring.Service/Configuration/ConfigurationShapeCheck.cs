using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Monitoring.Service.Configuration;

/// <summary>Checks a section against the options types before binding: every key must be one a
/// property reads, and every number must be a whole number.</summary>
/// <remarks>The binder is lenient in two ways that hide mistakes: it ignores unknown keys (a typo such as
/// "Pasword" falls back to a default), and when a value inside a list item does not convert it drops the
/// whole item without an error (a target with <c>"TimeoutSeconds": "ten"</c> silently vanishes). Its own
/// <c>ErrorOnUnknownConfiguration</c> does not say which list item holds the key. So we walk the section
/// ourselves and report each problem by its full path.</remarks>
internal static class ConfigurationShapeCheck
{
    public static void Collect(IConfigurationSection section, Type optionsType, List<string> problems)
    {
        foreach (var child in section.GetChildren())
        {
            var property = optionsType.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                var allowed = string.Join(", ", optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name));
                problems.Add($"{child.Path}: unknown key; the keys allowed under {section.Path} are {allowed}");
                continue;
            }

            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var isSection = child.GetChildren().Any();
            if (type == typeof(int))
            {
                CheckWholeNumber(child, problems);
            }
            else if (type == typeof(bool))
            {
                CheckBoolean(child, problems);
            }
            else if (type == typeof(string))
            {
                if (isSection)
                {
                    problems.Add($"{child.Path}: must be a single value (a string), not an object or a list");
                }
            }
            else if (ElementTypeOf(type) is { } element)
            {
                CheckList(child, element, problems);
            }
            else if (IsComplex(type))
            {
                if (!isSection && !string.IsNullOrEmpty(child.Value))
                {
                    problems.Add($"{child.Path}: must be an object with keys, not a single value");
                    continue;
                }

                Collect(child, type, problems);
            }
        }
    }

    /// <summary>A list must be a JSON array (its keys 0, 1, 2...); an object in its place would bind to
    /// an empty list and silently configure nothing.</summary>
    private static void CheckList(IConfigurationSection child, Type element, List<string> problems)
    {
        var items = child.GetChildren().ToList();
        if (items.Count == 0 && !string.IsNullOrEmpty(child.Value))
        {
            problems.Add($"{child.Path}: must be a list ([...]), not a single value");
            return;
        }

        foreach (var item in items)
        {
            if (!int.TryParse(item.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                problems.Add($"{child.Path}: must be a list ([...]), not an object (found key '{item.Key}')");
                return;
            }
        }

        if (IsComplex(element))
        {
            foreach (var item in items)
            {
                Collect(item, element, problems);
            }
        }
    }

    private static void CheckWholeNumber(IConfigurationSection child, List<string> problems)
    {
        if (child.Value is null || child.GetChildren().Any())
        {
            problems.Add($"{child.Path}: must be a whole number, not an object or a list");
        }
        else if (!int.TryParse(child.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            problems.Add($"{child.Path}: '{child.Value}' is not a whole number");
        }
    }

    private static void CheckBoolean(IConfigurationSection child, List<string> problems)
    {
        if (child.Value is null || child.GetChildren().Any() || !bool.TryParse(child.Value, out _))
        {
            problems.Add($"{child.Path}: '{child.Value}' is not allowed; use true or false");
        }
    }

    private static bool IsComplex(Type type) => type.IsClass && type != typeof(string);

    private static Type? ElementTypeOf(Type type) =>
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType
            ? type.GetGenericArguments()[0]
            : null;
}
