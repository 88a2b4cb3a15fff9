using System.Text;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.Portal.Configuration;
using WhistleSubmit.Portal.Configuration.Recipients;
using WhistleSubmit.Portal.Configuration.Team;

namespace WhistleSubmit.Portal.Admin;

/// <summary>
/// recipients install|list (add and remove only explain the signed flow): the reviewers' keys are a recipient set
/// signed offline with the team key (protocol v2 section 3), so the portal never edits it; it verifies a new one under
/// team.pub and replaces recipients.signed.json whole. Files in the data directory, not the store (no writer lock).
/// The server reads them at startup, so each change says to restart it.
/// </summary>
public static class RecipientsCommands
{
    private const string Restart = "whistle-portal: hint: restart the portal to use the new recipients\n";

    private const string SignedFlow =
        "the reviewers' keys are a recipient set signed offline with the team key, so the portal cannot add or remove one";

    private const string SignedFlowHint =
        "whistle-portal: hint: on the reviewers' offline console add or remove the key in the vault, run " +
        "'whistle-review team publish --out DIR', carry DIR/recipients.signed.json here and run " +
        "'whistle-portal recipients install DIR/recipients.signed.json'\n";

    public static AdminResponse Run(PortalOptions options, IReadOnlyList<string> args)
    {
        try
        {
            return args switch
            {
                ["list"] => List(options),
                ["install", var file] => Install(options, file),
                ["add", ..] or ["remove", ..] => new AdminResponse(1, $"whistle-portal: error: {SignedFlow}\n{SignedFlowHint}"),
                _ => Error("usage: recipients install FILE | list"),
            };
        }
        catch (PortalStartupException e)
        {
            return new AdminResponse(1, $"whistle-portal: error: {e.Message}\nwhistle-portal: hint: {e.Hint}\n");
        }
    }

    private static AdminResponse Error(string message) => new(1, $"whistle-portal: error: {message}\n");

    private static AdminResponse List(PortalOptions options)
    {
        if (!File.Exists(options.SignedRecipientsFile))
        {
            return new AdminResponse(0,
                $"whistle-portal: no signed recipient set installed ({options.SignedRecipientsFile}); " +
                "outside production the portal runs as a demo, signing recipients.txt (or its demo identity) with its demo team key\n");
        }

        TeamPublicKey team = RequireTeamKey(options);
        var verified = SignedRecipientsFile.Read(options.SignedRecipientsFile, team);
        var text = new StringBuilder($"team key {team.DisplayFingerprint}; recipient set issued {verified.Set.Issued:yyyy-MM-dd}, verified:\n");
        foreach (string recipient in verified.Set.Recipients)
        {
            text.Append($"{RecipientFingerprint.Compute(recipient)}  {recipient[..20]}…\n");
        }

        return new AdminResponse(0, text.ToString());
    }

    private static AdminResponse Install(PortalOptions options, string file)
    {
        TeamPublicKey team = RequireTeamKey(options);
        var source = new FileInfo(file);
        if (!source.Exists || source.Length > SignedDocument.MaxBytes)
        {
            return Error($"{file} is not a file of at most {SignedDocument.MaxBytes} bytes");
        }

        byte[] envelope = File.ReadAllBytes(file);
        var incoming = SignedRecipientsFile.Verify(envelope, file, team);
        RecipientSet? current = null;
        if (File.Exists(options.SignedRecipientsFile))
        {
            try
            {
                current = SignedRecipientsFile.Read(options.SignedRecipientsFile, team).Set;
            }
            catch (PortalStartupException)
            {
                // The installed file no longer verifies (team.pub changed): the new set replaces it all the same.
            }
        }

        // A set issued before the installed one is a rollback (it may bring back a removed reviewer's key): refused.
        // Browsers cannot see this check; it keeps an honest operator from installing an old file by mistake.
        if (current is not null && incoming.Set.Issued < current.Issued)
        {
            return Error($"{file} was issued {incoming.Set.Issued:yyyy-MM-dd}, before the installed set ({current.Issued:yyyy-MM-dd}): "
                + "an older set may hold a key the team has removed; run 'whistle-review team publish' again and install that");
        }

        Write(options, envelope);
        var text = new StringBuilder($"whistle-portal: installed the recipient set issued {incoming.Set.Issued:yyyy-MM-dd}, verified under team key {team.DisplayFingerprint}\n");
        text.Append(current is null ? "  old: (none)\n" : $"  old (issued {current.Issued:yyyy-MM-dd}): {Fingerprints(current)}\n");
        text.Append($"  new: {Fingerprints(incoming.Set)}\n");
        return new AdminResponse(0, text + Restart);
    }

    private static string Fingerprints(RecipientSet set) => string.Join(", ", set.Recipients.Select(RecipientFingerprint.Compute));

    private static TeamPublicKey RequireTeamKey(PortalOptions options)
    {
        if (!File.Exists(options.TeamPublicKeyFile))
        {
            throw new PortalStartupException($"no team public key at {options.TeamPublicKeyFile}.", TeamPublicKeyFile.Hint);
        }

        return TeamPublicKeyFile.Read(options.TeamPublicKeyFile);
    }

    // Written whole to a temporary file, synced and renamed: a crash leaves the old set or the new one, never half.
    private static void Write(PortalOptions options, byte[] envelope)
    {
        DataDirectory.Ensure(options.DataDirectoryFullPath);
        string temp = options.SignedRecipientsFile + ".new";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            file.Write(envelope);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, options.SignedRecipientsFile, overwrite: true);
        WhistleSubmit.EncryptedStore.DirectorySync.Flush(options.DataDirectoryFullPath);
    }
}
