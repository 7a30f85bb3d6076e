using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DevOps90.Bot.Discord;

/// <summary>A Discord id: a 64-bit number sent as a JSON string (https://discord.com/developers/docs/reference#snowflakes).</summary>
[JsonConverter(typeof(SnowflakeJsonConverter))]
public readonly record struct Snowflake(ulong Value)
{
    public static bool TryParse(string? text, out Snowflake snowflake)
    {
        var parsed = ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0;
        snowflake = new Snowflake(value);
        return parsed;
    }

    public static Snowflake Parse(string text) =>
        TryParse(text, out var snowflake) ? snowflake : throw new FormatException($"'{text}' is not a Discord id");

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

internal sealed class SnowflakeJsonConverter : JsonConverter<Snowflake>
{
    public override Snowflake Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number ? new Snowflake(reader.GetUInt64()) : Snowflake.Parse(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, Snowflake value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
