using System.Text.Json;
using System.Text.Json.Serialization;
using Monitoring.HealthModel.Alerts;

namespace Monitoring.Storage.HealthStores;

/// <summary>How an alert is written into the change log: its own shape, enums by name, the resolution state as its number.</summary>
internal static class AlertDocumentJson
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new ResolutionStateConverter() },
    };

    public static string Write(Alert alert) => JsonSerializer.Serialize(alert, s_options);

    public static Alert Read(string json) =>
        JsonSerializer.Deserialize<Alert>(json, s_options) ?? throw new JsonException("an alert change holds null");

    private sealed class ResolutionStateConverter : JsonConverter<ResolutionState>
    {
        public override ResolutionState Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetByte());

        public override void Write(Utf8JsonWriter writer, ResolutionState value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteNumberValue(value.Value);
        }
    }
}
