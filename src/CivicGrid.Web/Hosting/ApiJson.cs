using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CivicGrid.Web.Hosting;

/// <summary>
/// How the API writes JSON: enums by name, so a client reads "Dispatched" rather than a number that changes when a
/// state is added; and every time with its offset, because times are stored in UTC but SQLite gives them back
/// without a kind, which would otherwise go out as a local time of no zone.
/// </summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new UtcDateTimeConverter());
    }

    /// <summary>Writes a stored time as UTC ("2026-12-05T04:30:00Z"); reads any ISO 8601 time and keeps it as UTC.</summary>
    private sealed class UtcDateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset().UtcDateTime;

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(AsUtc(value).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));

        private static DateTime AsUtc(DateTime value) => value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
    }
}
