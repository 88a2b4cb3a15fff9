using System.Text.Json;
using System.Text.RegularExpressions;

namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>
/// A JSON Schema checker for the keywords the release schema uses (type, const, enum, pattern, minimum, maximum,
/// minLength, maxLength, required, properties, additionalProperties false, items, minItems, maxItems, uniqueItems,
/// oneOf, $ref to #/$defs): no validator package is available offline, and an unknown keyword fails the check.
/// </summary>
internal static class SchemaCheck
{
    private static readonly HashSet<string> Known =
    [
        "$schema", "$id", "title", "description", "type", "const", "enum", "pattern", "minimum", "maximum", "minLength", "maxLength",
        "required", "properties", "additionalProperties", "items", "minItems", "maxItems", "uniqueItems", "oneOf", "$ref", "$defs",
    ];

    public static IReadOnlyList<string> Errors(JsonElement schema, JsonElement document)
    {
        var errors = new List<string>();
        Check(schema, schema, document, "$", errors);
        return errors;
    }

    private static void Check(JsonElement root, JsonElement s, JsonElement d, string at, List<string> errors)
    {
        foreach (JsonProperty keyword in s.EnumerateObject())
        {
            if (!Known.Contains(keyword.Name))
            {
                errors.Add($"{at}: schema keyword {keyword.Name} is not supported by this checker");
            }
        }

        if (s.TryGetProperty("$ref", out JsonElement reference))
        {
            string name = reference.GetString()!["#/$defs/".Length..];
            Check(root, root.GetProperty("$defs").GetProperty(name), d, at, errors);
        }

        if (s.TryGetProperty("oneOf", out JsonElement oneOf))
        {
            int matches = oneOf.EnumerateArray().Count(option => Errors(root, option, d, at).Count == 0);
            if (matches != 1)
            {
                errors.Add($"{at}: matches {matches} of oneOf");
            }
        }

        if (s.TryGetProperty("const", out JsonElement constant) && !JsonElement.DeepEquals(constant, d))
        {
            errors.Add($"{at}: is not {constant}");
        }

        if (s.TryGetProperty("enum", out JsonElement values) && !values.EnumerateArray().Any(v => JsonElement.DeepEquals(v, d)))
        {
            errors.Add($"{at}: {d} is not in the enum");
        }

        if (s.TryGetProperty("type", out JsonElement type) && !IsType(d, type.GetString()!))
        {
            errors.Add($"{at}: is not of type {type.GetString()}");
            return;
        }

        switch (d.ValueKind)
        {
            case JsonValueKind.String:
                string text = d.GetString()!;
                if (s.TryGetProperty("pattern", out JsonElement pattern) && !Regex.IsMatch(text, pattern.GetString()!))
                {
                    errors.Add($"{at}: does not match {pattern.GetString()}");
                }

                if ((s.TryGetProperty("minLength", out JsonElement min) && text.Length < min.GetInt32()) || (s.TryGetProperty("maxLength", out JsonElement max) && text.Length > max.GetInt32()))
                {
                    errors.Add($"{at}: length out of bounds");
                }

                break;
            case JsonValueKind.Number:
                if ((s.TryGetProperty("minimum", out JsonElement low) && d.GetDouble() < low.GetDouble()) || (s.TryGetProperty("maximum", out JsonElement high) && d.GetDouble() > high.GetDouble()))
                {
                    errors.Add($"{at}: out of range");
                }

                break;
            case JsonValueKind.Array:
                JsonElement[] items = [.. d.EnumerateArray()];
                if ((s.TryGetProperty("minItems", out JsonElement fewest) && items.Length < fewest.GetInt32()) || (s.TryGetProperty("maxItems", out JsonElement most) && items.Length > most.GetInt32()))
                {
                    errors.Add($"{at}: item count out of bounds");
                }

                if (s.TryGetProperty("uniqueItems", out JsonElement unique) && unique.GetBoolean() && items.Select(i => i.GetRawText()).Distinct().Count() != items.Length)
                {
                    errors.Add($"{at}: items repeat");
                }

                if (s.TryGetProperty("items", out JsonElement itemSchema))
                {
                    for (int i = 0; i < items.Length; i++)
                    {
                        Check(root, itemSchema, items[i], $"{at}[{i}]", errors);
                    }
                }

                break;
            case JsonValueKind.Object:
                JsonElement properties = s.TryGetProperty("properties", out JsonElement p) ? p : default;
                foreach (string name in s.TryGetProperty("required", out JsonElement required) ? required.EnumerateArray().Select(r => r.GetString()!) : [])
                {
                    if (!d.TryGetProperty(name, out _))
                    {
                        errors.Add($"{at}: lacks {name}");
                    }
                }

                foreach (JsonProperty property in d.EnumerateObject())
                {
                    if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out JsonElement propertySchema))
                    {
                        Check(root, propertySchema, property.Value, $"{at}.{property.Name}", errors);
                    }
                    else if (s.TryGetProperty("additionalProperties", out JsonElement additional) && additional.ValueKind == JsonValueKind.False)
                    {
                        errors.Add($"{at}: unexpected property {property.Name}");
                    }
                }

                break;
        }
    }

    private static List<string> Errors(JsonElement root, JsonElement s, JsonElement d, string at)
    {
        var errors = new List<string>();
        Check(root, s, d, at, errors);
        return errors;
    }

    private static bool IsType(JsonElement d, string type) => type switch
    {
        "object" => d.ValueKind == JsonValueKind.Object,
        "array" => d.ValueKind == JsonValueKind.Array,
        "string" => d.ValueKind == JsonValueKind.String,
        "integer" => d.ValueKind == JsonValueKind.Number && d.TryGetInt64(out _),
        "number" => d.ValueKind == JsonValueKind.Number,
        "boolean" => d.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => d.ValueKind == JsonValueKind.Null,
        _ => false,
    };
}
