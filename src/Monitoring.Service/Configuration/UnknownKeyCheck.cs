using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Monitoring.Service.Configuration;

/// <summary>Finds keys under a section that no options property would read.</summary>
/// <remarks>The binder silently ignores unknown keys, so a typo ("Pasword") would fall back to a default.
/// Its own <c>ErrorOnUnknownConfiguration</c> does not say where the key sits (which target), so we walk
/// the section against the options types and report each key by its full path.</remarks>
internal static class UnknownKeyCheck
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

            var type = property.PropertyType;
            if (ElementTypeOf(type) is { } element)
            {
                if (IsComplex(element))
                {
                    foreach (var item in child.GetChildren())
                    {
                        Collect(item, element, problems);
                    }
                }
            }
            else if (IsComplex(type))
            {
                Collect(child, type, problems);
            }
        }
    }

    private static bool IsComplex(Type type) => type.IsClass && type != typeof(string);

    private static Type? ElementTypeOf(Type type) =>
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType
            ? type.GetGenericArguments()[0]
            : null;
}
