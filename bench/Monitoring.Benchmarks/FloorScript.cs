using System.Text;

namespace Monitoring.Benchmarks;

/// <summary>The captured requests turned into prebuilt bodies, in the order the product sent them.</summary>
internal sealed class FloorScript
{
    private FloorScript(IReadOnlyList<FloorRequest> requests, int views)
    {
        Requests = requests;
        Views = views;
    }

    public IReadOnlyList<FloorRequest> Requests { get; }

    /// <summary>How many container views the script creates.</summary>
    public int Views { get; }

    public IReadOnlyDictionary<string, int> CountByMethod() =>
        Requests.GroupBy(r => r.Method, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public long BodyBytes => Requests.Sum(r => (long)r.Body.Length + (r.AfterView?.Length ?? 0));

    public static FloorScript From(IReadOnlyList<CapturedRequest> captured)
    {
        var slots = new List<byte[]>(); // each created view's id as it appears in a body: >id<
        var requests = new List<FloorRequest>(captured.Count);
        foreach (var c in captured)
        {
            if (c.CreatedView is { } view)
            {
                requests.Add(new FloorRequest(c.Method, c.SoapAction, c.Body, null, -1, CreatesView: true));
                slots.Add(Encoding.UTF8.GetBytes($">{view}<"));
                continue;
            }

            var (slot, at) = FindView(c.Body, slots);
            requests.Add(slot < 0
                ? new FloorRequest(c.Method, c.SoapAction, c.Body, null, -1, CreatesView: false)
                : new FloorRequest(c.Method, c.SoapAction, c.Body[..(at + 1)], c.Body[(at + slots[slot].Length - 1)..], slot, CreatesView: false));
        }

        return new FloorScript(requests, slots.Count);
    }

    private static (int Slot, int At) FindView(byte[] body, List<byte[]> slots)
    {
        // Latest view first: a request names the view created just before it.
        for (var slot = slots.Count - 1; slot >= 0; slot--)
        {
            var at = body.AsSpan().IndexOf(slots[slot]);
            if (at >= 0)
            {
                return (slot, at);
            }
        }

        return (-1, -1);
    }
}
