using System.Security.Cryptography;
using System.Text;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Vault;

/// <summary>
/// <c>team publish</c> (protocol v2 section 3): signs the vault's reviewer recipients as a <c>recipient-set</c> with
/// the team key and writes what the portal needs: team.pub, recipients.signed.json and team.js (the exact bytes the
/// portal serves at /js/team.js, so the hash printed here is the hash sources can check).
/// </summary>
internal static class TeamPublishService
{
    public const string PublicKeyFileName = "team.pub";
    public const string SignedRecipientsFileName = "recipients.signed.json";
    public const string ScriptFileName = "team.js";

    internal sealed record Published(TeamPublicKey Team, RecipientSet Set, IReadOnlyList<VaultKey> Keys, string ScriptSha256, string ScriptSha384);

    /// <summary>The bytes of team.js: <c>self.whistleTeamKey = "&lt;team public key text&gt;";\n</c>, as the portal serves it.</summary>
    public static byte[] ScriptFor(TeamPublicKey key) => Encoding.ASCII.GetBytes($"self.whistleTeamKey = \"{key.Text}\";\n");

    /// <summary>Writes the three files into <paramref name="directory"/> (created if missing; none of them may exist yet).</summary>
    public static Published Publish(VaultSession vault, string directory)
    {
        IReadOnlyList<VaultKey> keys = KeyService.List(vault);
        if (keys.Count == 0)
        {
            throw new CliException("the vault has no reviewer keys to publish", "create one with 'whistle-review keygen --name NAME'");
        }

        if (keys.Count > RecipientSet.MaxRecipients)
        {
            throw new CliException($"the vault has {keys.Count} reviewer keys; a recipient set holds at most {RecipientSet.MaxRecipients}", "remove keys no one uses");
        }

        string[] paths = [.. new[] { PublicKeyFileName, SignedRecipientsFileName, ScriptFileName }.Select(n => Path.Combine(directory, n))];
        if (paths.FirstOrDefault(File.Exists) is { } existing)
        {
            throw new CliException($"{existing} already exists", "publish into an empty directory");
        }

        var set = RecipientSet.Create(keys.Select(k => k.Recipient), DateOnly.FromDateTime(vault.Clock.GetUtcNow().UtcDateTime));
        byte[] envelope;
        TeamPublicKey team;
        using (TeamSigningKey key = TeamKeyService.Load(vault))
        {
            envelope = set.Sign(key);
            team = key.PublicKey;
        }

        byte[] script = ScriptFor(team);
        Directory.CreateDirectory(directory);
        DurableFiles.WriteNew(paths[0], Encoding.ASCII.GetBytes(team.Text + "\n"), ownerOnly: false);
        DurableFiles.WriteNew(paths[1], envelope, ownerOnly: false);
        DurableFiles.WriteNew(paths[2], script, ownerOnly: false);
        vault.Write(data => AuditLog.Append(data, vault.Actor, vault.Now(), AuditActions.TeamPublish, null, null,
            $"recipient set of {keys.Count} keys issued {set.Issued:yyyy-MM-dd}, team key {team.DisplayFingerprint}"));
        return new Published(team, set, keys, Convert.ToHexStringLower(SHA256.HashData(script)), "sha384-" + Convert.ToBase64String(SHA384.HashData(script)));
    }
}
