using System.Text;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.EncryptedStore;
using WhistleSubmit.EncryptedStore.Paging;
using WhistleSubmit.EncryptedStore.Tests.Support;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>
/// Issue 19: the imported template plus case X, whose every trace carries a canary: its report, attachment name and
/// contents, follow-up, a note, a reply, a tag, an attachment export (its audit entry names the files) and an incident
/// linked to it. Built once per run; tests copy it and destroy X. <see cref="Scan"/> looks for the canaries in every
/// byte of the vault directory raw and in every page slot of the store (stale ones too) under every key on the disk.
/// </summary>
internal static class DestroyScenario
{
    public const string ReportCanary = "CANARY-DESTROY-REPORT-7a1e";
    public const string NameCanary = "canary-destroy-name-3b9f";
    public const string ContentCanary = "CANARY-DESTROY-CONTENT-c4d2";
    public const string FollowupCanary = "CANARY-DESTROY-FOLLOWUP-e8a0";
    public const string NoteCanary = "CANARY-DESTROY-NOTE-51fd";
    public const string ReplyCanary = "CANARY-DESTROY-REPLY-90bc";
    public const string TagCanary = "canary-destroy-tag-62ae";

    public static readonly string[] Canaries = [ReportCanary, NameCanary, ContentCanary, FollowupCanary, NoteCanary, ReplyCanary, TagCanary];

    private static readonly Lazy<(Templates.Template Template, string Bundle, byte[] Report, string CaseId, string[] ItemIds)> Lazy = new(Build);

    public static string Bundle => Lazy.Value.Bundle;

    /// <summary>Case X's report ciphertext, for a replay under another id.</summary>
    public static byte[] ReportCiphertext => Lazy.Value.Report;

    public static string CaseId => Lazy.Value.CaseId;

    public static IReadOnlyList<string> ItemIds => Lazy.Value.ItemIds;

    public static TestVault Copy() => Lazy.Value.Template.CopyTo(new TestVault());

    /// <summary>Every canary found in the vault: raw (UTF-8 and UTF-16) in any file, or in any decrypting page slot.</summary>
    public static IReadOnlyList<string> Scan(string root, IEnumerable<string> canaries)
    {
        var found = new List<string>();
        string store = Path.Combine(root, "store");
        List<byte[]> keys = DiskKeys.All(store, StoreKey(root));
        foreach (string canary in canaries)
        {
            foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                byte[] bytes = File.ReadAllBytes(file);
                if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(canary)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(canary)) >= 0)
                {
                    found.Add($"{canary} raw in {Path.GetRelativePath(root, file)}");
                }
            }

            foreach ((string name, StoreFileKind kind) in new[] { (DurableStore.DataFileName, StoreFileKind.Data), (DurableStore.LogFileName, StoreFileKind.Log) })
            {
                string path = Path.Combine(store, name);
                if (File.Exists(path) && SlotScanner.Contains(path, keys, kind, Encoding.UTF8.GetBytes(canary)))
                {
                    found.Add($"{canary} in a decrypted page slot of {name}");
                }
            }
        }

        return found;
    }

    /// <summary>The store key, derived from the test passphrase as the console does.</summary>
    public static byte[] StoreKey(string root)
    {
        VaultFile file = VaultFile.Read(new VaultPaths(root));
        return VaultKeys.Derive(Encoding.UTF8.GetBytes(TestVault.Passphrase), file.Kdf).StoreKey;
    }

    private static (Templates.Template, string, byte[], string, string[]) Build()
    {
        TestVault vault = Templates.Track(TestVault.Imported());
        string reviewer = ImportedScenario.RecipientOf(vault);
        var source = MlKem768X25519Identity.Generate();
        string mailbox = Fixtures.NewMailbox();
        byte[] attachment = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(ContentCanary + "\n", 200)));
        byte[] report = Fixtures.Encrypt(Fixtures.Container(
            Fixtures.Report($"Destroy scenario: {ReportCanary}", source.Recipient.ToString(), ($"{NameCanary}.txt", attachment)), attachment), reviewer);
        byte[] followup = Fixtures.Encrypt(Fixtures.FollowUp($"Later: {FollowupCanary}"), reviewer);
        var entries = new[] { BundleEntry.Submission(mailbox, report), BundleEntry.Followup(mailbox, followup) };
        string bundle = vault.Directory.Write("destroy.wsbundle", Fixtures.Bundle(entries));
        vault.Succeed("import", bundle);
        string id = CaseLookup.IdOf(vault, ReportCanary);
        vault.Succeed("note", id, $"Note {NoteCanary}");
        vault.Succeed("reply", id, "--text", $"Reply {ReplyCanary}");
        vault.Succeed("triage", id, "--tag", TagCanary, "--status", "closed");
        vault.Succeed("files", id, "--export", vault.Directory.File("exported"));
        vault.Succeed("incident", "create", "--case", id, "--month", "2025-06", "--state", "TX");
        Directory.Delete(vault.Directory.File("exported"), recursive: true);
        return (new Templates.Template(vault), bundle, report, FullId(vault, id), [.. entries.Select(e => e.Id)]);
    }

    private static string FullId(TestVault vault, string shortId)
    {
        using var json = System.Text.Json.JsonDocument.Parse(vault.Succeed("show", shortId, "--json").StdoutText);
        return json.RootElement.GetProperty("fullId").GetString()!;
    }
}
