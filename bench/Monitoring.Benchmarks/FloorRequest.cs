namespace Monitoring.Benchmarks;

/// <summary>One prebuilt request of the raw floor.</summary>
/// <param name="Method">The vim25 method (for the per-method count only; never looked at on the wire).</param>
/// <param name="SoapAction">The <c>SOAPAction</c> header as captured.</param>
/// <param name="Body">The whole body; or, when <paramref name="ViewSlot"/> is set, the part before the view's id.</param>
/// <param name="AfterView">The part after the view's id, when <paramref name="ViewSlot"/> is set.</param>
/// <param name="ViewSlot">Which created view this request names (-1 for none): container views get a new id on
/// every run, so the floor puts in the id its own <c>CreateContainerView</c> got back.</param>
/// <param name="CreatesView">A <c>CreateContainerView</c>, whose reply (a few hundred bytes) fills the next slot.</param>
internal sealed record FloorRequest(string Method, string SoapAction, byte[] Body, byte[]? AfterView, int ViewSlot, bool CreatesView);
