using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using WhistleSubmit.Portal.Configuration;

namespace WhistleSubmit.Portal.Security;

/// <summary>
/// Subresource Integrity for our own scripts: the browser bundle's wwwroot/js/manifest.json (written by
/// ClientApp's <c>npm run build</c>, committed with the bundle) maps each script to its sha384. Read once at startup
/// and checked against the files, so a stale manifest or an edited script stops the portal instead of silently
/// breaking the JavaScript path (the browser would refuse the script). A missing or partial web root (a build output
/// rather than a publish, a bad ASPNETCORE_WEBROOT, a half-copied publish) stops the portal too: serving on would
/// quietly move every source off browser encryption onto the no-JavaScript path.
/// </summary>
public sealed class ScriptIntegrity
{
    public const string ManifestPath = "js/manifest.json";

    private readonly IReadOnlyDictionary<string, string> hashes;

    public ScriptIntegrity(IReadOnlyDictionary<string, string> hashes) => this.hashes = hashes;

    /// <summary>The files the pages link to; each must be in the web root.</summary>
    public static readonly IReadOnlyList<string> RequiredFiles = ["css/portal.css", "css/transfer.css", "favicon.svg"];

    /// <summary>The scripts the pages and the browser path load; each must be in the manifest.</summary>
    public static readonly IReadOnlyList<string> RequiredScripts = ["guard.js", "portal.js", "worker.js"];

    /// <summary>The integrity attribute value (sha384-…) of a script under wwwroot/js.</summary>
    /// <exception cref="KeyNotFoundException">The script is not in the manifest (a bug in a page, not input).</exception>
    public string For(string script) => hashes[script];

    /// <summary>This map plus <paramref name="script"/> (a script the portal makes itself, such as team.js) with its value.</summary>
    public ScriptIntegrity With(string script, string integrity) =>
        new(new Dictionary<string, string>(hashes, StringComparer.Ordinal) { [script] = integrity });

    /// <summary>Every script and its value, for the startup log and for tests.</summary>
    public IReadOnlyDictionary<string, string> All => hashes;

    /// <summary>Loads the manifest and verifies every listed script's hash.</summary>
    /// <exception cref="PortalStartupException">The web root is missing or lacks a file the pages need, or the manifest is missing, malformed, or does not match a script.</exception>
    public static ScriptIntegrity Load(IFileProvider webRoot, string? webRootPath)
    {
        const string Hint = "Rebuild the browser bundle: cd src/Portal/ClientApp && npm ci && npm run build.";
        const string WhereHint = "install the whole publish output (wwwroot sits next to the program; a build output has none), or point ASPNETCORE_WEBROOT at a complete wwwroot";
        if (webRoot is NullFileProvider || webRootPath is null || !Directory.Exists(webRootPath))
        {
            throw new PortalStartupException($"no web root (wwwroot) at {webRootPath ?? "(none next to the program)"}: the pages' scripts and styles are missing", WhereHint);
        }

        if (RequiredFiles.FirstOrDefault(f => !webRoot.GetFileInfo(f).Exists) is { } missing)
        {
            throw new PortalStartupException($"the web root at {webRootPath} lacks {missing}", WhereHint);
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

        if (RequiredScripts.FirstOrDefault(s => !entries.ContainsKey(s)) is { } absent)
        {
            throw new PortalStartupException($"The browser bundle's manifest does not list js/{absent}.", Hint);
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
