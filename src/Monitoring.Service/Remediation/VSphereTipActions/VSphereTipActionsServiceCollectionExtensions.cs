using Microsoft.Extensions.DependencyInjection;
using Monitoring.Core.Collection;
using Monitoring.Service.Configuration;
using Monitoring.Service.Scheduling;
using Monitoring.Sources.VSphere.Actions;
using ITipActionExecutor = global::Monitoring.Remediation.Actions.ITipActionExecutor;

namespace Monitoring.Service.Remediation.VSphereTipActions;

/// <summary>Registers the vSphere tip actions, for the service and the command line alike.</summary>
internal static class VSphereTipActionsServiceCollectionExtensions
{
    public static IServiceCollection AddVSphereTipActions(this IServiceCollection services, LoadedConfiguration configuration)
    {
        services.AddSingleton<VSphereActions>();
        services.AddSingleton<ITipActionExecutor>(sp =>
        {
            // The running service keeps the targets current across configuration reloads; the command line
            // has the configuration it started with.
            var directory = sp.GetService<TargetDirectory>();
            Func<string, TargetDefinition?> find = directory is not null
                ? directory.Find
                : name => configuration.Targets.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
            return new VSphereTipActionExecutor(sp.GetRequiredService<VSphereActions>(), find, ActionTimeout.Of(configuration.Options.Remediation));
        });
        return services;
    }
}
