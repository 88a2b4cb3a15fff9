using System.Text.Json;

namespace WhistleSubmit.Portal.Features.NoScript;

/// <summary>The kebab-case JSON ids of a schema enum (as Crypto's StrictEnumConverter writes them), for form values.</summary>
public static class SchemaIds<T>
    where T : struct, Enum
{
    public static readonly IReadOnlyList<(T Value, string Id)> All =
        [.. Enum.GetValues<T>().Select(v => (v, JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString())))];

    public static string Id(T value) => All.First(p => p.Value.Equals(value)).Id;

    public static bool TryParse(string id, out T value)
    {
        foreach (var (candidate, candidateId) in All)
        {
            if (candidateId == id)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
