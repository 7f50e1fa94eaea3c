using Microsoft.AspNetCore.Builder;
using Monitoring.Service.Api.Access;
using Monitoring.Service.Api.Alerts;
using Monitoring.Service.Api.Audit;
using Monitoring.Service.Api.Collectors;
using Monitoring.Service.Api.HealthTree;
using Monitoring.Service.Api.Inventory;
using Monitoring.Service.Api.Keys;
using Monitoring.Service.Api.Maintenance;
using Monitoring.Service.Api.Me;
using Monitoring.Service.Api.Performance;
using Monitoring.Service.Exports.Feed;
using Monitoring.Service.Api.Reports;
using Monitoring.Service.Api.Tips;

namespace Monitoring.Service.Api;

/// <summary>The API's middleware and endpoints. Later tickets add their <c>Map...</c> line here, each endpoint
/// with its <c>RequireRole(...)</c> (see docs/api.md, "Adding an endpoint").</summary>
internal static class ApiApplicationExtensions
{
    public const string BasePath = "/api/v1";

    public static WebApplication UseMonitoringApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Order: errors become problem details; the audit sees every acting call, refused ones included;
        // then who the caller is, then whether the endpoint's rule lets them in.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<AuditMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/{documentName}.json").AllowWithoutKey();
        var api = app.MapGroup(BasePath);
        api.MapInventory();
        api.MapPerformance();
        api.MapCollectors();
        api.MapApiKeys();
        api.MapAudit();
        api.MapAlerts();
        api.MapHealth();
        api.MapMaintenance();
        api.MapAlertFeed();
        api.MapReports();
        api.MapTips();
        api.MapMe();
        return app;
    }
}
