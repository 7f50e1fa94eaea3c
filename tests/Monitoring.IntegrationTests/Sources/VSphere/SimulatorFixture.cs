using Monitoring.Service.Demo;
using Xunit;

namespace Monitoring.IntegrationTests.Sources.VSphere;

/// <summary>One simulator shared by a test class, with its certificate written out as PEM.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    private readonly string _certificateFolder = Directory.CreateTempSubdirectory("monitoring-cert-").FullName;
    private SimulatorProcess? _simulator;

    internal SimulatorProcess Simulator => _simulator ?? throw new InvalidOperationException("not started");

    public string CertificateFile => Path.Combine(_certificateFolder, "vcsim.pem");

    public async Task InitializeAsync() =>
        _simulator = await Infrastructure.Simulator.StartAsync("-dc", "1", "-cluster", "1", "-host", "2", "-standalone-host", "1", "-vm", "2", "-ds", "1", "-cert-out", CertificateFile);

    public async Task DisposeAsync()
    {
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        Directory.Delete(_certificateFolder, recursive: true);
    }
}
