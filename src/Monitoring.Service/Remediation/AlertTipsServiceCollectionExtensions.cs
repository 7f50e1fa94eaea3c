using Microsoft.Extensions.DependencyInjection;
using Monitoring.Remediation.Alerts;
using Monitoring.Service.Configuration;
using Monitoring.Service.Remediation.Alerts;
using Monitoring.Service.Remediation.Automation;

namespace Monitoring.Service.Remediation;

/// <summary>What the running service adds for automatic mode and alert-driven tips (the <c>run</c> verb only).</summary>
internal static class AlertTipsServiceCollectionExtensions
{
    public static IServiceCollection AddAutomaticRemediation(this IServiceCollection services, LoadedConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddTips();
        services.AddSingleton<HostGroupDirectory>();
        services.AddSingleton(new AlertTipMapper(configuration.AlertTipRules));
        services.AddSingleton<AlertTips>();
        services.AddSingleton<AlertmanagerWebhookReceiver>();
        services.AddHostedService<OurAlertTipService>();
        services.AddHostedService<AutomaticRemediationService>();
        return services;
    }
}
