using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Monitoring.Core.Collection;
using Monitoring.Service.Configuration;

namespace Monitoring.Service.Ports;

/// <summary>Lists the connections a configuration makes: each target, the database, the HTTP listener(s), and the
/// exporters that are configured (Alertmanager, OTLP).</summary>
/// <remarks>Later configuration keys that open connections (webhooks, a clustered job store) add their rows here,
/// one method each, so <c>ports</c> stays the one place that knows the whole list.</remarks>
internal static class ConnectionPlan
{
    public static IReadOnlyList<PlannedConnection> From(LoadedConfiguration configuration, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var connections = new List<PlannedConnection>();
        connections.AddRange(configuration.Targets.Select(Target));
        connections.Add(Database(configuration));
        connections.AddRange(Listeners(configuration));
        if (configuration.Options.Alerting.Alertmanager.Url is { } alertmanager && Uri.TryCreate(alertmanager, UriKind.Absolute, out var am))
        {
            connections.Add(Http("alertmanager", "alertmanager", am, "HTTP (Alertmanager API v2)", "push alerts (POST /api/v2/alerts)", new Uri(am, "-/healthy")));
        }

        if (Otlp(configuration, environment) is { } otlp)
        {
            connections.Add(otlp);
        }

        return connections;
    }

    private static PlannedConnection Target(TargetDefinition target)
    {
        var (protocol, purpose) = target.Kind switch
        {
            TargetKind.VSphere => ("vSphere SOAP", "inventory, health, realtime performance and actions of a vCenter or ESX host"),
            TargetKind.HyperV => ("WS-Management", "inventory, health, performance and actions of a Hyper-V host"),
            TargetKind.VirtualServer => ("WS-Management", "inventory, health and performance of a Virtual Server host"),
            _ => ("WS-Management", "inventory and performance of a Windows server (P2V candidate)"),
        };
        var scheme = target.Address.Scheme.ToUpperInvariant();
        return new PlannedConnection("target", target.Name, "outbound", $"{scheme} ({protocol})", target.Address.Host, target.Address.Port, purpose, Clean(target.Address), target.Thumbprint is not null)
        {
            CheckUrl = target.Address,
            Thumbprint = target.Thumbprint,
        };
    }

    private static PlannedConnection Database(LoadedConfiguration configuration)
    {
        var storage = configuration.Options.Storage;
        if (storage.Provider.Equals("SqlServer", StringComparison.OrdinalIgnoreCase))
        {
            var builder = new SqlConnectionStringBuilder(storage.ConnectionString);
            var (host, port) = SqlServerEndpoint(builder.DataSource);
            return new PlannedConnection("database", "SQL Server", "outbound", "TDS", host, port, "inventory, samples, API keys, audit (the engine's database)", $"{builder.DataSource}/{builder.InitialCatalog}");
        }

        var sqlite = new SqliteConnectionStringBuilder(storage.ConnectionString);
        var file = Path.GetFullPath(sqlite.DataSource, configuration.BaseDirectory);
        return new PlannedConnection("database", "SQLite", "local", "file (SQLite, WAL)", null, null, "inventory, samples, API keys, audit (the engine's database)", file);
    }

    /// <summary><c>tcp:host,port</c>, <c>host\instance</c> (port found by the SQL Browser on UDP 1434; 1433 shown as the
    /// default instance's) or <c>host</c>.</summary>
    internal static (string Host, int Port) SqlServerEndpoint(string dataSource)
    {
        var text = dataSource.Trim();
        if (text.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..];
        }

        var comma = text.LastIndexOf(',');
        if (comma > 0 && int.TryParse(text[(comma + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture, out var port))
        {
            return (text[..comma].Split('\\')[0].Trim(), port);
        }

        return (text.Split('\\')[0].Trim(), 1433);
    }

    private static IEnumerable<PlannedConnection> Listeners(LoadedConfiguration configuration)
    {
        foreach (var url in configuration.Options.Http.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            {
                continue;
            }

            var protocol = uri.Scheme.ToUpperInvariant();
            yield return new PlannedConnection("listener", url, "inbound", $"{protocol} (metrics, API, console)", uri.Host, uri.Port, "Prometheus scrapes /metrics; API clients, the console and health probes", url)
            {
                CheckUrl = new Uri(uri, "/healthz"),
            };
        }
    }

    private static PlannedConnection? Otlp(LoadedConfiguration configuration, Func<string, string?> environment)
    {
        var settings = configuration.Otlp;
        if (!settings.Enabled)
        {
            return null;
        }

        var text = settings.Endpoint?.ToString() ?? environment("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT") ?? environment("OTEL_EXPORTER_OTLP_ENDPOINT");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var endpoint))
        {
            return null;
        }

        var protocol = settings.Protocol ?? environment("OTEL_EXPORTER_OTLP_PROTOCOL") ?? Service.Otlp.OtlpSettings.Grpc;
        return new PlannedConnection("otlp", "OTLP", "outbound", $"{endpoint.Scheme.ToUpperInvariant()} (OTLP {protocol})", endpoint.Host, endpoint.Port, "export the metrics to an OpenTelemetry collector", Clean(endpoint));
    }

    private static PlannedConnection Http(string kind, string name, Uri url, string protocol, string purpose, Uri check) =>
        new(kind, name, "outbound", protocol, url.Host, url.Port, purpose, Clean(url)) { CheckUrl = check };

    /// <summary>The URL without user information: an address must never carry a secret into the output.</summary>
    private static string Clean(Uri url) => url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
}
