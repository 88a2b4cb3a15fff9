using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.Bench.CrashBench;

/// <summary>
/// The operator's side, through the real admin verbs: export (then every item is hash-checked against what its source
/// sent and decrypted with the demo reviewer key), confirm part of it with a receipt signed by the demo team key (the
/// portal deletes and compacts), and import replies bundles signed by the same key.
/// </summary>
internal sealed partial class Operator(string data, string scratch, Ledger ledger, IReadOnlyList<IIdentity> reviewer, TeamSigningKey team)
{
    private int files;

    public int Decrypted;

    /// <summary>Exports what waits and checks it; returns the bundle's path, SHA-256 and items, or null when the verb failed.</summary>
    public async Task<(string Path, string Sha256, List<string> Items)?> ExportAsync(List<string> failures)
    {
        string path = System.IO.Path.Combine(scratch, $"export-{Interlocked.Increment(ref files)}.wsbundle");
        var export = await PortalHost.VerbAsync(data, "export", "--out", path);
        // A bundle renamed into place counts even if the verb was cut afterwards: its items may already be marked
        // exported, and only this file then carries them.
        if (!File.Exists(path))
        {
            return export.ExitCode == 0 ? (path, "", []) : null;
        }

        var items = new List<string>();
        string sha;
        using (var file = File.OpenRead(path))
        {
            sha = Convert.ToHexStringLower(SHA256.HashData(file));
            file.Position = 0;
            using var reader = BundleReader.Open(file, leaveOpen: true);
            foreach (var item in reader.Manifest.Items)
            {
                if (ledger.Acknowledged.TryGetValue(item.Id, out var expected) && expected != item.Sha256)
                {
                    failures.Add($"item {item.Id}: exported SHA-256 differs from what its source sent");
                }

                try
                {
                    using var stream = reader.OpenItem(item.Id);
                    using var plaintext = AgeEncryption.Decrypt(stream, reviewer);
                    plaintext.CopyTo(Stream.Null);
                    Interlocked.Increment(ref Decrypted);
                    ledger.Exported[item.Id] = true;
                    items.Add(item.Id);
                }
                catch (Exception e) when (e is AgeException or BundleException or IOException)
                {
                    failures.Add($"item {item.Id}: does not decrypt ({e.GetType().Name})");
                }
            }
        }

        return (path, sha, items);
    }

    /// <summary>Confirms <paramref name="items"/> of the bundle; they count as deleted only if the verb completed.</summary>
    public async Task ConfirmAsync(string bundleSha256, IReadOnlyList<string> items)
    {
        string path = System.IO.Path.Combine(scratch, $"receipt-{Interlocked.Increment(ref files)}.json");
        await File.WriteAllBytesAsync(path, new ImportReceipt
        {
            BundleSha256 = bundleSha256,
            Items = [.. items],
            AuditHead = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
        }.ToSignedDocument(team));
        foreach (string item in items)
        {
            ledger.MaybeConfirmed[item] = true;
        }

        var confirm = await PortalHost.VerbAsync(data, "confirm", path);
        if (confirm.ExitCode == 0)
        {
            foreach (string item in items)
            {
                ledger.Confirmed[item] = true;
                ledger.MaybeConfirmed.TryRemove(item, out _);
            }
        }
    }

    /// <summary>Imports a signed bundle of replies to acknowledged mailboxes; remembered if the verb completed.</summary>
    public async Task<bool> ImportRepliesAsync(IReadOnlyList<string> tokens)
    {
        string path = System.IO.Path.Combine(scratch, $"replies-{Interlocked.Increment(ref files)}.wsbundle");
        var writer = new BundleWriter(BundleKind.Replies, DateOnly.FromDateTime(DateTime.UtcNow), team);
        foreach (string token in tokens)
        {
            byte[] reply = AgeEncryption.Encrypt(RandomNumberGenerator.GetBytes(200), [X25519Identity.Generate().Recipient]);
            writer.Add(BundleItem.NewId(), SourceKeys.MailboxIdFromToken(Convert.FromHexString(token)), BundleItemKind.Reply, reply.Length, () => new MemoryStream(reply));
        }

        using (var file = File.Create(path))
        {
            writer.WriteTo(file);
        }

        var import = await PortalHost.VerbAsync(data, "import-replies", path);
        if (import.ExitCode == 0)
        {
            ledger.RepliesBundles[path] = tokens.Count;
            return true;
        }

        return false;
    }

    /// <summary>Imports a completed replies bundle again: every reply must be "already present".</summary>
    public async Task CheckRepliesAsync(string path, int count, List<string> lost)
    {
        var again = await PortalHost.VerbAsync(data, "import-replies", path);
        var match = Imported().Match(again.Stdout);
        if (again.ExitCode != 0 || !match.Success)
        {
            lost.Add($"replies bundle {System.IO.Path.GetFileName(path)}: re-import failed ({again.Stderr.Trim()})");
        }
        else if (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) != 0)
        {
            lost.Add($"replies bundle {System.IO.Path.GetFileName(path)}: {match.Groups[1].Value} of {count} acknowledged replies were missing");
        }
    }

    /// <summary>The store's count of submissions (status), or -1.</summary>
    public async Task<int> SubmissionsAsync()
    {
        var status = await PortalHost.VerbAsync(data, "status");
        var match = Submissions().Match(status.Stdout);
        return status.ExitCode == 0 && match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
    }

    [GeneratedRegex(@"imported (\d+) replies")]
    private static partial Regex Imported();

    [GeneratedRegex(@"submissions\s+(\d+)")]
    private static partial Regex Submissions();
}
