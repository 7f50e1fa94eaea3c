namespace Monitoring.Service.Ports;

/// <summary>What <c>ports --check</c> found for one connection.</summary>
/// <param name="Ok">True when it answered as expected.</param>
/// <param name="Detail">What was seen (e.g. <c>HTTP 200</c>, <c>connection refused</c>); the reason when not ok.</param>
/// <param name="Milliseconds">How long the check took.</param>
internal sealed record ConnectionCheck(bool Ok, string Detail, long Milliseconds);
