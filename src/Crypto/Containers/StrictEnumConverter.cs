using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WhistleSubmit.Crypto.Containers;

/// <summary>
/// Enums as their kebab-case names and nothing else: JsonStringEnumConverter also accepts numbers, other casings and
/// comma-separated combinations, none of which a strict reader should let through.
/// </summary>
internal sealed class StrictEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private static readonly FrozenDictionary<T, string> Names =
        Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

    private static readonly FrozenDictionary<string, T> Values =
        Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && Values.TryGetValue(reader.GetString()!, out T value))
        {
            return value;
        }

        throw new JsonException("Unknown value.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (!Names.TryGetValue(value, out string? name))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Undefined enum value.");
        }

        writer.WriteStringValue(name);
    }
}
