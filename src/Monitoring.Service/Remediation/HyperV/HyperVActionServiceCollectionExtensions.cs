using Microsoft.Extensions.DependencyInjection;
using Monitoring.Remediation.Actions;
using Monitoring.Sources.WinRM.HyperV;

namespace Monitoring.Service.Remediation.HyperV;

/// <summary>Registers the Hyper-V live-migration action (over the shared WinRM sessions).</summary>
internal static class HyperVActionServiceCollectionExtensions
{
    public static IServiceCollection AddHyperVActions(this IServiceCollection services)
    {
        services.AddSingleton<HyperVMigrator>();
        services.AddSingleton<ITipActionExecutor, HyperVMigrationExecutor>();
        return services;
    }
}
