using System.Xml.Linq;
using Monitoring.Sources.VSphere.Client;

namespace Monitoring.Tests.Support;

/// <summary>One managed object as a real vCenter described it, property by property, in a pyvmomi
/// "explode" cassette (one <c>RetrievePropertiesEx</c> per top-level property).</summary>
internal sealed class CapturedObject
{
    private CapturedObject(ManagedObjectReference reference, IReadOnlyDictionary<string, XElement> properties)
    {
        Reference = reference;
        Properties = properties;
    }

    public ManagedObjectReference Reference { get; }

    /// <summary>Top-level properties (<c>runtime</c>, <c>summary</c>, ...) by name.</summary>
    public IReadOnlyDictionary<string, XElement> Properties { get; }

    /// <summary>Replays every recorded read through the product's client and reader and merges the results.</summary>
    public static async Task<CapturedObject> LoadAsync(string cassette)
    {
        var calls = Cassette.Load(cassette).Calls("RetrievePropertiesEx");
        using var client = new VimSoapClient(FakeHandler.Replay(calls), new Uri("https://vcsa/sdk"), TimeSpan.FromSeconds(30), null);
        var objects = new List<ObjectContent>();
        foreach (var _ in calls)
        {
            await client.InvokeStreamingAsync(
                "RetrievePropertiesEx",
                new ManagedObjectReference("PropertyCollector", "propertyCollector"),
                null,
                (reader, ct) => RetrieveResultReader.ReadAsync(reader, objects.Add, ct),
                CancellationToken.None);
        }

        var properties = objects.SelectMany(o => o.Properties).ToDictionary(p => p.Key, p => p.Value.Element, StringComparer.Ordinal);
        return new CapturedObject(objects.Select(o => o.Obj).Distinct().Single(), properties);
    }

    /// <summary>The value the server would return for a dotted property path such as
    /// <c>summary.hardware.memorySize</c>: the same element, found inside the top-level property.</summary>
    public XElement? Find(string path)
    {
        var parts = path.Split('.');
        if (!Properties.TryGetValue(parts[0], out var element))
        {
            return null;
        }

        foreach (var part in parts.Skip(1))
        {
            element = element.Elements().FirstOrDefault(e => e.Name.LocalName == part);
            if (element is null)
            {
                return null;
            }
        }

        return element;
    }

    /// <summary>The object as a read of <paramref name="paths"/> would return it: each path that has a value.</summary>
    public ObjectContent Select(IEnumerable<string> paths)
    {
        var selected = new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Find(path) is { } value)
            {
                selected[path] = new PropertyValue(value);
            }
        }

        return new ObjectContent(Reference, selected, new Dictionary<string, string>());
    }
}
