namespace Monitoring.Benchmarks;

/// <summary>One SOAP request exactly as the product sent it.</summary>
/// <param name="Method">The vim25 method, e.g. <c>QueryPerf</c>.</param>
/// <param name="SoapAction">The <c>SOAPAction</c> header, e.g. <c>"urn:vim25/6.5"</c>.</param>
/// <param name="Body">The request body, byte for byte.</param>
/// <param name="CreatedView">For <c>CreateContainerView</c>: the view the server returned, since later
/// requests name it and a replay gets a different one.</param>
internal sealed record CapturedRequest(string Method, string SoapAction, byte[] Body, string? CreatedView);
