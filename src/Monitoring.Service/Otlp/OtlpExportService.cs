using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitoring.Service.Configuration;
using Monitoring.Service.Metrics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Monitoring.Service.Otlp;

/// <summary>Exports the metrics over OTLP (gRPC or http/protobuf) through the OpenTelemetry SDK, every
/// export interval, while the service runs; a last export on stop. Off unless configured.</summary>
/// <remarks>Transient failures (unreachable, 429, 502-504, gRPC UNAVAILABLE) are retried with backoff:
/// the SDK's in-memory retry is switched on (<c>OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY=in_memory</c>) unless
/// the variable says otherwise. Export failures are the SDK's to log; they never stop the service.</remarks>
internal sealed class OtlpExportService : IHostedService, IDisposable
{
    private const string RetryKey = "OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY";

    private readonly LoadedConfiguration _configuration;
    private readonly PrometheusExporter _exporter;
    private readonly ILogger<OtlpExportService> _logger;
    private OtlpInstruments? _instruments;
    private MeterProvider? _provider;

    public OtlpExportService(LoadedConfiguration configuration, PrometheusExporter exporter, ILogger<OtlpExportService> logger)
    {
        _configuration = configuration;
        _exporter = exporter;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = _configuration.Otlp;
        if (!settings.Enabled)
        {
            return Task.CompletedTask;
        }

        // The SDK reads OTEL_* keys from IConfiguration: the process's variables, with retry on by default.
        var sdkConfiguration = new ConfigurationBuilder()
            .AddInMemoryCollection([new(RetryKey, "in_memory")])
            .AddEnvironmentVariables()
            .Build();
        _instruments = new OtlpInstruments(_exporter);
        var version = typeof(OtlpExportService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        _provider = Sdk.CreateMeterProviderBuilder()
            .ConfigureServices(services => services.AddSingleton<IConfiguration>(sdkConfiguration))
            .SetResourceBuilder(ResourceBuilder.CreateEmpty()
                .AddService("monitoring", serviceVersion: version, serviceInstanceId: Environment.MachineName)
                .AddEnvironmentVariableDetector())
            .AddMeter(OtlpInstruments.MeterName)
            .AddOtlpExporter((exporter, reader) =>
            {
                if (settings.Endpoint is { } endpoint)
                {
                    exporter.Endpoint = endpoint;
                }

                if (settings.Protocol is { } protocol)
                {
                    exporter.Protocol = protocol == OtlpSettings.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                }

                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)settings.ExportInterval.TotalMilliseconds;
                reader.TemporalityPreference = MetricReaderTemporalityPreference.Cumulative;
                var shown = WithoutCredentials(exporter.Endpoint);
                OtlpLog.Exporting(_logger, shown, exporter.Protocol == OtlpExportProtocol.HttpProtobuf ? OtlpSettings.HttpProtobuf : OtlpSettings.Grpc, settings.ExportInterval.TotalSeconds);
            })
            .Build();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // A last export, so the final values of a stopping service are not lost.
        _provider?.ForceFlush(5000);
        return Task.CompletedTask;
    }

    /// <summary>The endpoint as it may be logged: a URL can carry a user and password, which never reach logs.</summary>
    internal static string WithoutCredentials(Uri endpoint) =>
        endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    public void Dispose()
    {
        _provider?.Dispose();
        _instruments?.Dispose();
    }
}
