using Monitoring.Service.Demo;

namespace Monitoring.IntegrationTests.Infrastructure;

/// <summary>Starts govmomi's simulator (built once per test run) with a model given as vcsim flags.</summary>
internal static class Simulator
{
    public const string User = "svc-monitor";
    public const string Password = "S1mulat0r-Pa55!";

    private static readonly Lazy<Task<string>> s_binary = new(() => SimulatorProcess.BuildAsync(CancellationToken.None));

    /// <summary>A simulator that accepts only <see cref="User"/> / <see cref="Password"/>.</summary>
    public static async Task<SimulatorProcess> StartAsync(params string[] model)
    {
        var binary = await s_binary.Value;
        return await SimulatorProcess.StartAsync(binary, [.. model, "-username", User, "-password", Password], CancellationToken.None);
    }
}
