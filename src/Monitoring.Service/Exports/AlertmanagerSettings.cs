using Monitoring.Core.Collection;

namespace Monitoring.Service.Exports;

/// <summary>Validated <c>Monitoring:Alerting:Alertmanager</c>.</summary>
/// <param name="Urls">Each Alertmanager's base URL (an HA pair gets every alert on each).</param>
/// <param name="Authorization">The <c>Authorization</c> header value (Bearer or Basic), or null; never logged.</param>
/// <param name="Timeout">How long one push may take.</param>
/// <param name="ResendInterval">Time between two pushes of everything open.</param>
/// <param name="ResolvedResend">How long a closed alert keeps being pushed as resolved.</param>
internal sealed record AlertmanagerSettings(IReadOnlyList<Uri> Urls, Secret? Authorization, TimeSpan Timeout, TimeSpan ResendInterval, TimeSpan ResolvedResend);
