using System.Security.Cryptography;

namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>
/// A vault in a fresh temporary directory, driven through the real executable with a passphrase file and
/// <c>--data</c>. Argon2id runs at the 19 MiB floor so tests stay fast. Templates (a vault with a key, a vault with an
/// imported bundle) are built once per test run and copied, since keygen and import each cost seconds of scrypt.
/// </summary>
internal sealed class TestVault : IDisposable
{
    public const string Passphrase = "correct horse battery staple";
    public const string Actor = "tester";

    public TestVault()
    {
        Directory = new TempDirectory();
        PassphraseFile = Directory.Write("passphrase.txt", Passphrase + "\n");
        // A second reviewer who knows the vault passphrase, for case-export --approved-by (the consent gate).
        Environment["WHISTLE_REVIEW_SECOND_PASSPHRASE_FILE"] = PassphraseFile;
    }

    public TempDirectory Directory { get; }

    public string PassphraseFile { get; }

    public string Root => Directory.File("vault");

    /// <summary>Extra environment for every run (e.g. HOME and TMPDIR in the plaintext test).</summary>
    public Dictionary<string, string> Environment { get; } = new();

    public static TestVault Initialized()
    {
        var vault = new TestVault();
        vault.Succeed("init", "--kdf-memory", "19");
        return vault;
    }

    /// <summary>A copy of a vault with one key, "alice", and a team key.</summary>
    public static TestVault WithKey() => Templates.WithKey.CopyTo(new TestVault());

    /// <summary>A copy of a vault with key "alice" and the <see cref="ImportedScenario"/> imported.</summary>
    public static TestVault Imported() => Templates.Imported.CopyTo(new TestVault());

    public CliResult Run(params string[] args) => RunWith(PassphraseFile, args);

    /// <summary>A command line every run goes under (e.g. strace), empty for none.</summary>
    public IReadOnlyList<string> Tracer { get; set; } = [];

    public CliResult RunWith(string? passphraseFile, params string[] args) =>
        WhistleReview.Run(Directory.Path, ["--data", Root, "--as", Actor, .. args], null, passphraseFile, Environment, Tracer);

    public CliResult Succeed(params string[] args)
    {
        CliResult result = Run(args);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"whistle-review {string.Join(' ', args)} failed: {result}");
        }

        return result;
    }

    /// <summary>SHA-256 of every file under the vault, by relative path: equal snapshots mean nothing changed.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() =>
        System.IO.Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .ToDictionary(
                path => Path.GetRelativePath(Root, path),
                path => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));

    /// <summary>Every directory under the vault (an import must not leave even an empty one behind).</summary>
    public IReadOnlyList<string> Directories() =>
        [.. System.IO.Directory.EnumerateDirectories(Root, "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(Root, d)).Order(StringComparer.Ordinal)];

    public void Dispose() => Directory.Dispose();

    internal TestVault CopyFrom(string source)
    {
        foreach (string directory in System.IO.Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories).Prepend(source))
        {
            System.IO.Directory.CreateDirectory(Path.Combine(Root, Path.GetRelativePath(source, directory)));
        }

        foreach (string file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(Root, Path.GetRelativePath(source, file)));
        }

        return this;
    }
}
