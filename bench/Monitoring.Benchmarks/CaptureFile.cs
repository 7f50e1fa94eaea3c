using System.Text;

namespace Monitoring.Benchmarks;

/// <summary>Carries captured requests from the capture process to the measuring one.</summary>
internal static class CaptureFile
{
    public static void Write(string path, IReadOnlyList<CapturedRequest> requests)
    {
        using var writer = new BinaryWriter(File.Create(path), Encoding.UTF8);
        writer.Write(requests.Count);
        foreach (var r in requests)
        {
            writer.Write(r.Method);
            writer.Write(r.SoapAction);
            writer.Write(r.CreatedView ?? string.Empty);
            writer.Write(r.Body.Length);
            writer.Write(r.Body);
        }
    }

    public static List<CapturedRequest> Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        var count = reader.ReadInt32();
        var requests = new List<CapturedRequest>(count);
        for (var i = 0; i < count; i++)
        {
            var method = reader.ReadString();
            var soapAction = reader.ReadString();
            var view = reader.ReadString();
            var body = reader.ReadBytes(reader.ReadInt32());
            requests.Add(new CapturedRequest(method, soapAction, body, view.Length == 0 ? null : view));
        }

        return requests;
    }
}
