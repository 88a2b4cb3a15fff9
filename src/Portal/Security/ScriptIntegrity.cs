using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using WhistleSubmit.Portal.Configuration;

namespace WhistleSubmit.Portal.Security;

/// <summary>
/// Subresource Integrity for our own scripts: the browser bundle's wwwroot/js/manifest.json (written by
/// ClientApp's <c>npm run build</c>, committed with the bundle) maps each script to its sha384. Read once at startup
/// and checked against the files, so a stale manifest or an edited script stops the portal instead of silently
/// breaking the JavaScript path (the browser would refuse the script). Without any web root (the executable run
/// outside its content root) there is no script to protect: pages then go out without it, the forms use the
/// no-JavaScript path and say so, and startup logs a warning.
/// </summary>
public sealed class ScriptIntegrity
{
    public const string ManifestPath = "js/manifest.json";

    private readonly IReadOnlyDictionary<string, string> hashes;

    public ScriptIntegrity(IReadOnlyDictionary<string, string> hashes) => this.hashes = hashes;

    /// <summary>False when the portal runs without its web root, so no script is served.</summary>
    public bool Available => hashes.Count > 0;

    /// <summary>The integrity attribute value (sha384-…) of a script under wwwroot/js.</summary>
    /// <exception cref="KeyNotFoundException">The script is not in the manifest (a bug in a page, not input).</exception>
    public string For(string script) => hashes[script];

    /// <summary>Loads the manifest and verifies every listed script's hash.</summary>
    /// <exception cref="PortalStartupException">The manifest is missing, malformed, or does not match a script.</exception>
    public static ScriptIntegrity Load(IFileProvider webRoot)
    {
        const string Hint = "Rebuild the browser bundle: cd src/Portal/ClientApp && npm ci && npm run build.";
        if (webRoot is NullFileProvider || !webRoot.GetDirectoryContents(string.Empty).Exists)
        {
            return new ScriptIntegrity(new Dictionary<string, string>());
        }

        IFileInfo manifest = webRoot.GetFileInfo(ManifestPath);
        if (!manifest.Exists)
        {
            throw new PortalStartupException("The browser bundle's manifest (wwwroot/js/manifest.json) is missing.", Hint);
        }

        Dictionary<string, string>? entries;
        try
        {
            using Stream stream = manifest.CreateReadStream();
            entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream);
        }
        catch (JsonException)
        {
            entries = null;
        }

        if (entries is null || entries.Count == 0)
        {
            throw new PortalStartupException("The browser bundle's manifest is malformed.", Hint);
        }

        foreach (var (file, integrity) in entries)
        {
            IFileInfo script = webRoot.GetFileInfo("js/" + file);
            if (file.Contains('/', StringComparison.Ordinal) || !script.Exists || integrity != Compute(script))
            {
                throw new PortalStartupException($"The browser bundle's manifest does not match js/{file}.", Hint);
            }
        }

        return new ScriptIntegrity(entries);
    }

    private static string Compute(IFileInfo file)
    {
        using Stream stream = file.CreateReadStream();
        return "sha384-" + Convert.ToBase64String(SHA384.HashData(stream));
    }
}
