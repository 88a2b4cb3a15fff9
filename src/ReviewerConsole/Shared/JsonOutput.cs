using System.Text.Json;

namespace WhistleSubmit.ReviewerConsole.Shared;

/// <summary>How --json output is written: indented, camelCase, nulls kept (a field is always there).</summary>
internal static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        // The default encoder escapes every control character (C0 and C1) and all non-ASCII text, so nothing a
        // source wrote can reach a terminal as an escape sequence through --json.
        WriteIndented = true,
    };
}
