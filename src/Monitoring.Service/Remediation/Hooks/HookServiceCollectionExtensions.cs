using Microsoft.Extensions.DependencyInjection;
using Monitoring.Remediation.Actions;

namespace Monitoring.Service.Remediation.Hooks;

/// <summary>Registers the operator hooks' executors (script and webhook) with the configured hooks.</summary>
internal static class HookServiceCollectionExtensions
{
    public static IServiceCollection AddHookActions(this IServiceCollection services, HookCatalog hooks)
    {
        services.AddSingleton(hooks);
        services.AddSingleton<ITipActionExecutor, ScriptHookExecutor>();
        services.AddSingleton<ITipActionExecutor, WebHookExecutor>();
        return services;
    }
}
