using System.Security.Cryptography;
using System.Text;
using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.Portal.Configuration.Team;

/// <summary>
/// The reviewers' team public key (protocol v2, docs/FORMATS.md#team-signature), loaded once at startup. The browser
/// gets it from <c>/js/team.js</c>, a script whose sha384 is in the integrity map and is published with the bundle's:
/// a source who checks the published hashes has checked the key every recipient set must be signed by.
/// </summary>
public sealed class PortalTeamKey
{
    /// <summary>The script's name in the integrity map (as the bundle's scripts, relative to /js/).</summary>
    public const string ScriptName = "team.js";

    /// <summary>Where the script is served.</summary>
    public const string ScriptPath = "/js/" + ScriptName;

    private readonly byte[] script;

    public PortalTeamKey(TeamPublicKey key, bool isDemo)
    {
        ArgumentNullException.ThrowIfNull(key);
        Public = key;
        IsDemo = isDemo;
        script = ScriptFor(key);
        Integrity = "sha384-" + Convert.ToBase64String(SHA384.HashData(script));
    }

    public TeamPublicKey Public { get; }

    /// <summary>True when the key is a demo key this portal created (its secret is on this server): every page says so.</summary>
    public bool IsDemo { get; }

    /// <summary>The exact bytes of <c>/js/team.js</c>.</summary>
    public ReadOnlyMemory<byte> Script => script;

    /// <summary>The script's Subresource Integrity value, <c>sha384-…</c>.</summary>
    public string Integrity { get; }

    /// <summary>
    /// <c>self.whistleTeamKey = "&lt;team public key text&gt;";\n</c> in ASCII: the console's <c>team publish</c> writes
    /// the same bytes, so the hash it prints is the hash of what the portal serves.
    /// </summary>
    public static byte[] ScriptFor(TeamPublicKey key) =>
        Encoding.ASCII.GetBytes($"self.whistleTeamKey = \"{key.Text}\";\n");
}
