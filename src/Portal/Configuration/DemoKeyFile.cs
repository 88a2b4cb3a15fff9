using System.Globalization;

namespace WhistleSubmit.Portal.Configuration;

/// <summary>
/// How the demo's two secret files (the demo reviewer identity and the demo team key) are written: once, owner-only
/// from the moment they exist, synced, headed by a "created" line and a DEMO ONLY warning.
/// </summary>
internal static class DemoKeyFile
{
    /// <summary>Writes <paramref name="lines"/> (comment lines, then the secret) to a new file; never overwrites.</summary>
    public static void Create(string path, TimeProvider time, params string[] lines)
    {
        string created = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        string text = $"# created: {created}\n" + string.Concat(lines.Select(l => l + "\n"));

        // CreateNew never overwrites; the mode is set at creation, so the secret is never readable by others.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using (var writer = new StreamWriter(stream, leaveOpen: true))
        {
            writer.Write(text);
        }

        stream.Flush(flushToDisk: true);
    }
}
