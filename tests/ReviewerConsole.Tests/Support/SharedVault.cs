using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Vault;
using WhistleSubmit.ReviewerConsole.Vault.Sharing;

namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>
/// A vault shared two of three among ana, ben and cy, driven through the real executable: the holders who join are
/// named in WHISTLE_REVIEW_HOLDERS and their passphrase files given in WHISTLE_REVIEW_PASSPHRASE_FILE, _2, …
/// </summary>
internal sealed class SharedVault : IDisposable
{
    public static readonly string[] Names = ["ana", "ben", "cy"];

    private static readonly Lazy<SharedVault> LazyWithKey = new(() =>
    {
        SharedVault template = Initialized();
        Templates.Track(template.Vault);
        template.Succeed(["ana", "ben"], "keygen", "--name", "alice");
        template.Succeed(["ben", "cy"], "team", "keygen");
        return template;
    });

    public SharedVault()
    {
        foreach (string name in Names)
        {
            Vault.Directory.Write(name + ".txt", PassphraseOf(name) + "\n");
        }
    }

    public TestVault Vault { get; } = new();

    public string Root => Vault.Root;

    public static string PassphraseOf(string holder) => $"{holder}'s own long passphrase";

    public string PassphraseFile(string holder) => Vault.Directory.File(holder + ".txt");

    /// <summary>A new 2-of-3 vault at the Argon2id floor.</summary>
    public static SharedVault Initialized()
    {
        var vault = new SharedVault();
        CliResult result = vault.RunWith(Names, [.. Names.Select(vault.PassphraseFile)],
            "init", "--kdf-memory", "19", "--shares", "3", "--threshold", "2", "--holders", "ana,ben,cy");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("init --shares failed: " + result);
        }

        return vault;
    }

    /// <summary>A copy of a shared vault with key "alice" and a team key.</summary>
    public static SharedVault WithKey()
    {
        var vault = new SharedVault();
        vault.Vault.CopyFrom(LazyWithKey.Value.Root);
        return vault;
    }

    /// <summary>Runs with <paramref name="holders"/> joining, each with their own passphrase file.</summary>
    public CliResult Run(IReadOnlyList<string> holders, params string[] args) =>
        RunWith(holders, [.. holders.Select(PassphraseFile)], args);

    public CliResult Succeed(IReadOnlyList<string> holders, params string[] args)
    {
        CliResult result = Run(holders, args);
        return result.ExitCode == 0 ? result : throw new InvalidOperationException($"whistle-review {string.Join(' ', args)} failed: {result}");
    }

    /// <summary>Runs with these holders named and these passphrase files, in order (a file may be another holder's).</summary>
    public CliResult RunWith(IReadOnlyList<string> holders, IReadOnlyList<string> passphraseFiles, params string[] args)
    {
        var environment = new Dictionary<string, string> { ["WHISTLE_REVIEW_HOLDERS"] = string.Join(',', holders) };
        for (int i = 1; i < passphraseFiles.Count; i++)
        {
            environment[$"WHISTLE_REVIEW_PASSPHRASE_FILE_{i + 1}"] = passphraseFiles[i];
        }

        return WhistleReview.Run(Vault.Directory.Path, ["--data", Root, "--as", TestVault.Actor, .. args], null,
            passphraseFiles.Count > 0 ? passphraseFiles[0] : null, environment);
    }

    /// <summary>The whole audit log, read in-process with ana and ben joining.</summary>
    public IReadOnlyList<AuditEntry> Audit()
    {
        using VaultSession session = VaultService.Open(Root, () => throw new InvalidOperationException("not a shared vault"),
            new Holders(["ana", "ben"]), "reader", TimeProvider.System);
        return session.Read(data => data.AuditEntries().OrderBy(e => e.Seq).ToList());
    }

    public void Dispose() => Vault.Dispose();

    /// <summary>Holders given up front with their test passphrases.</summary>
    internal sealed class Holders(IReadOnlyList<string> names) : IHolderInput
    {
        public IReadOnlyList<string>? GivenNames { get; } = names;

        public string ReadName(int turn, int needed, IReadOnlyList<string> choices) => throw new InvalidOperationException("names are given");

        public byte[] ReadPassphrase(int turn, string holder) => System.Text.Encoding.UTF8.GetBytes(PassphraseOf(holder));

        public byte[] ReadNewPassphrase(int turn, string holder, Action<byte[]> check) => ReadPassphrase(turn, holder);
    }
}
