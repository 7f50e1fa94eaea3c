using System.Reflection;
using System.Security.Cryptography;

namespace Monitoring.Service.WebConsole;

/// <summary>The web console's files, embedded in the assembly (<c>WebConsole/wwwroot</c>), so that the built
/// monitoring.dll serves them from any folder and nothing is looked up on disk.</summary>
internal sealed class ConsoleAssets
{
    /// <summary>The manifest-name prefix the project gives the files (see Monitoring.Service.csproj).</summary>
    public const string ResourcePrefix = "webconsole/";

    private static readonly Dictionary<string, string> s_contentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
    };

    private readonly Dictionary<string, ConsoleAsset> _files;

    private ConsoleAssets(Dictionary<string, ConsoleAsset> files) => _files = files;

    public IReadOnlyCollection<string> Names => _files.Keys;

    /// <summary>Reads every embedded console file once; a file of a type not listed is not served.</summary>
    public static ConsoleAssets Load(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var files = new Dictionary<string, ConsoleAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..].Replace('\\', '/');
            if (!s_contentTypes.TryGetValue(Path.GetExtension(name), out var type))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 12)) + "\"";
            files[name] = new ConsoleAsset(name, content, type, etag);
        }

        return new ConsoleAssets(files);
    }

    public ConsoleAsset? Find(string name) => _files.GetValueOrDefault(name);
}
