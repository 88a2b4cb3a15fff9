using System.Text;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Portal.Configuration;
using WhistleSubmit.Portal.Configuration.Recipients;

namespace WhistleSubmit.Portal.Admin;

/// <summary>
/// recipients add|list|remove: edits recipients.txt in the data directory (not the store, so no writer lock is
/// involved). The server reads the file at startup, so each change says to restart it.
/// </summary>
public static class RecipientsCommands
{
    private const string Restart = "whistle-portal: hint: restart the portal to use the new recipients\n";

    public static AdminResponse Run(PortalOptions options, IReadOnlyList<string> args)
    {
        try
        {
            return args switch
            {
                ["list"] => List(options),
                ["add", var recipient] => Add(options, recipient, null),
                ["add", var recipient, "--name", var name] => Add(options, recipient, name),
                ["remove", var recipient] => Remove(options, recipient),
                _ => Error("usage: recipients add RECIPIENT [--name N] | list | remove RECIPIENT"),
            };
        }
        catch (PortalStartupException e)
        {
            return Error(e.Message);
        }
    }

    private static AdminResponse Error(string message) => new(1, $"whistle-portal: error: {message}\n");

    private static List<ReviewerKey> Read(PortalOptions options)
    {
        if (!File.Exists(options.RecipientsFile))
        {
            return [];
        }

        using var reader = new StreamReader(options.RecipientsFile);
        return [.. RecipientsFile.Parse(reader, options.RecipientsFile)];
    }

    private static AdminResponse List(PortalOptions options)
    {
        var keys = Read(options);
        if (keys.Count == 0)
        {
            return new AdminResponse(0, "whistle-portal: no recipients configured (the portal runs as a demo unless --production)\n");
        }

        var text = new StringBuilder();
        foreach (var key in keys)
        {
            text.Append($"{key.Fingerprint}  {key.Name ?? "(unnamed)"}  {key.Recipient[..20]}…\n");
        }

        return new AdminResponse(0, text.ToString());
    }

    private static AdminResponse Add(PortalOptions options, string recipient, string? name)
    {
        IRecipient parsed;
        try
        {
            parsed = AgeKeys.ParseRecipient(recipient);
        }
        catch (FormatException)
        {
            return Error("that is not an age recipient");
        }

        // Every recipient here is post-quantum: one file never mixes PQ and classic keys (docs/FORMATS.md#age-encryption).
        if (parsed is not MlKem768X25519Recipient)
        {
            return Error("refusing a classic (non post-quantum) recipient: this portal's recipients are all age1pq1… keys, and one file never mixes the two");
        }

        if (name is not null && (name.Contains('\n', StringComparison.Ordinal) || name.Contains('\r', StringComparison.Ordinal)))
        {
            return Error("a name is one line");
        }

        var keys = Read(options);
        if (keys.Any(k => k.Recipient == recipient))
        {
            return Error("that recipient is already configured");
        }

        keys.Add(new ReviewerKey(name, recipient, parsed));
        Write(options, keys);
        return new AdminResponse(0, $"whistle-portal: added {name ?? "(unnamed)"} with fingerprint {RecipientFingerprint.Compute(recipient)}\n{Restart}");
    }

    private static AdminResponse Remove(PortalOptions options, string recipientOrFingerprint)
    {
        var keys = Read(options);
        var match = keys.FirstOrDefault(k => k.Recipient == recipientOrFingerprint || k.Fingerprint == recipientOrFingerprint);
        if (match is null)
        {
            return Error("no such recipient");
        }

        keys.Remove(match);
        Write(options, keys);
        string warning = keys.Count == 0 ? "whistle-portal: warning: no recipients left; in production the portal will refuse to start\n" : string.Empty;
        return new AdminResponse(0, $"whistle-portal: removed {match.Fingerprint}\n{warning}{Restart}");
    }

    // Written whole to a temporary file, synced and renamed: a crash leaves the old list or the new one, never half.
    private static void Write(PortalOptions options, List<ReviewerKey> keys)
    {
        DataDirectory.Ensure(options.DataDirectoryFullPath);
        var text = new StringBuilder();
        foreach (var key in keys)
        {
            if (key.Name is not null)
            {
                text.Append($"# {key.Name}\n");
            }

            text.Append($"{key.Recipient}\n\n");
        }

        string temp = options.RecipientsFile + ".new";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            file.Write(Encoding.UTF8.GetBytes(text.ToString()));
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, options.RecipientsFile, overwrite: true);
        WhistleSubmit.EncryptedStore.DirectorySync.Flush(options.DataDirectoryFullPath);
    }
}
