using System.Text.Json;
using System.Text.Json.Nodes;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Vault;

/// <summary>A vault shared two of three (init --shares 3 --threshold 2), through the real executable.</summary>
[TestFixture]
public sealed class SharedVaultTests
{
    [Test]
    public void Init_SharesThreeThresholdTwo_WritesVersion2WithOneSealedSharePerHolder()
    {
        using SharedVault vault = SharedVault.Initialized();

        string text = File.ReadAllText(Path.Combine(vault.Root, "vault.json"));
        using JsonDocument json = JsonDocument.Parse(text);
        JsonElement root = json.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("v").GetInt32(), Is.EqualTo(2));
            Assert.That(root.GetProperty("threshold").GetInt32(), Is.EqualTo(2));
            Assert.That(root.GetProperty("holders").EnumerateArray().Select(h => h.GetProperty("name").GetString()), Is.EqualTo(SharedVault.Names));
            Assert.That(root.GetProperty("holders").EnumerateArray().Select(h => h.GetProperty("x").GetInt32()), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(root.GetProperty("holders").EnumerateArray().Select(h => h.GetProperty("kdf").GetProperty("salt").GetString()).Distinct().Count(), Is.EqualTo(3));
            Assert.That(FileModes.Of(Path.Combine(vault.Root, "vault.json")), Is.EqualTo(FileModes.OwnerOnly));
            foreach (string name in SharedVault.Names)
            {
                Assert.That(text, Does.Not.Contain(SharedVault.PassphraseOf(name)));
            }
        });
        Assert.That(vault.Succeed(["ana", "cy"], "audit", "verify").StdoutText, Does.Contain("intact"));
    }

    [TestCase("ana", "ben")]
    [TestCase("ana", "cy")]
    [TestCase("cy", "ben")]
    public void Open_AnyTwoOfThree_OpensAndTheAuditLogNamesBoth(string first, string second)
    {
        using SharedVault vault = SharedVault.WithKey();

        CliResult result = vault.Run([first, second], "keys");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdoutText, Does.Contain("alice"));
        Assert.That(vault.Audit().Where(e => e.Action == "vault.open").Select(e => e.Details),
            Has.Some.EqualTo($"holders {first}, {second} (2 of 3, 2 needed)"));
    }

    [Test]
    public void Open_OneShareLost_TheOtherTwoStillOpenAndDecrypt()
    {
        using SharedVault vault = SharedVault.WithKey();
        // cy's share is gone for good (vault.json damaged there, passphrase forgotten: the same to us).
        JsonNode file = JsonNode.Parse(File.ReadAllText(Path.Combine(vault.Root, "vault.json")))!;
        string share = file["holders"]![2]!["share"]!.GetValue<string>();
        file["holders"]![2]!["share"] = (share[0] == 'A' ? "B" : "A") + share[1..];
        File.WriteAllText(Path.Combine(vault.Root, "vault.json"), file.ToJsonString());

        Assert.That(vault.Run(["cy", "ana"], "keys").ExitCode, Is.EqualTo(2));
        CliResult opened = vault.Run(["ana", "ben"], "team", "show");
        Assert.That(opened.ExitCode, Is.Zero, opened.ToString());
        // The key files open too: the rebuilt secret is the one they were sealed under.
        CliResult emergency = vault.Run(["ben", "ana"], "emergency-passphrase");
        Assert.That(emergency.ExitCode, Is.Zero, emergency.ToString());
    }

    [Test]
    public void Open_OneHolderAlone_OpensNothing()
    {
        using SharedVault vault = SharedVault.WithKey();
        Dictionary<string, string> before = new(vault.Vault.Snapshot());

        CliResult result = vault.Run(["ana"], "keys");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: this vault needs 2 of its 3 holders; 1 named"));
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(vault.Vault.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public void Open_ThresholdEditedToOne_IsRefusedAsDamaged()
    {
        using SharedVault vault = SharedVault.WithKey();
        JsonNode file = JsonNode.Parse(File.ReadAllText(Path.Combine(vault.Root, "vault.json")))!;
        file["threshold"] = 1;
        File.WriteAllText(Path.Combine(vault.Root, "vault.json"), file.ToJsonString());

        CliResult result = vault.Run(["ana"], "keys");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: the vault has been modified or is damaged (vault.json is not valid)"));
    }

    [Test]
    public void Open_SamePassphraseFileForTwoHolders_NamesTheHolderWhoseIsWrong()
    {
        using SharedVault vault = SharedVault.WithKey();

        CliResult result = vault.RunWith(["ana", "cy"], [vault.PassphraseFile("ana"), vault.PassphraseFile("ana")], "keys");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: wrong passphrase for cy\n"));
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public void Open_SharesSwappedBetweenHolders_NeitherOpens()
    {
        using SharedVault vault = SharedVault.WithKey();
        JsonNode file = JsonNode.Parse(File.ReadAllText(Path.Combine(vault.Root, "vault.json")))!;
        JsonNode ana = file["holders"]![0]!;
        JsonNode ben = file["holders"]![1]!;
        (ana["share"], ben["share"], ana["kdf"], ben["kdf"]) = (ben["share"]!.DeepClone(), ana["share"]!.DeepClone(), ben["kdf"]!.DeepClone(), ana["kdf"]!.DeepClone());
        File.WriteAllText(Path.Combine(vault.Root, "vault.json"), file.ToJsonString());

        // ana's passphrase now unseals the entry holding ben's share, but the seal binds the name and x.
        CliResult result = vault.RunWith(["ana", "ben"], [vault.PassphraseFile("ben"), vault.PassphraseFile("ana")], "keys");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: wrong passphrase for ana"));
    }

    [Test]
    public void Open_KeyCheckChanged_IsAnIntegrityFailureNamingTheHolders()
    {
        using SharedVault vault = SharedVault.WithKey();
        JsonNode file = JsonNode.Parse(File.ReadAllText(Path.Combine(vault.Root, "vault.json")))!;
        file["keyCheck"] = Convert.ToBase64String(new byte[32]);
        File.WriteAllText(Path.Combine(vault.Root, "vault.json"), file.ToJsonString());

        CliResult result = vault.Run(["ben", "cy"], "keys");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: the vault has been modified or is damaged (the shares of ben, cy don't rebuild the vault key)"));
    }

    [TestCase("ana,zed", "\"zed\" holds no share of this vault")]
    [TestCase("ana,ana", "a holder is named twice")]
    public void Open_BadHolderList_RefusedBeforeAnyPassphrase(string holders, string error)
    {
        using SharedVault vault = SharedVault.WithKey();

        // No passphrase files at all: a prompt would fail differently.
        CliResult result = vault.RunWith(holders.Split(','), [], "keys");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: " + error));
    }

    [Test]
    public void EmergencyPassphrase_TwoHolders_OpensTheKeyFilesWithAgeAndIsAudited()
    {
        using SharedVault vault = SharedVault.WithKey();

        CliResult result = vault.Run(["cy", "ana"], "emergency-passphrase");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdoutText, Does.Match("^([a-z2-7]{4}-){12}[a-z2-7]{4}\n$"));
        string passphraseFile = vault.Vault.Directory.Write("emergency.txt", result.StdoutText);
        foreach (string keyFile in new[] { Path.Combine(vault.Root, "keys", "alice.age"), Path.Combine(vault.Root, "team.age") })
        {
            CliResult decrypted = WhistleReview.Run(vault.Vault.Directory.Path, ["age", "decrypt", keyFile], null, passphraseFile);
            Assert.That(decrypted.ExitCode, Is.Zero, decrypted.ToString());
            Assert.That(decrypted.StdoutText, Does.Contain("# public key: "));
        }

        Assert.That(vault.Audit().Select(e => $"{e.Action} {e.Details}"),
            Has.Some.EqualTo("vault.emergency-passphrase key-file passphrase shown to holders cy, ana"));
    }

    [Test]
    public void EmergencyPassphrase_SinglePassphraseVault_SaysTheVaultPassphraseOpensThem()
    {
        using TestVault vault = TestVault.WithKey();

        CliResult result = vault.Run("emergency-passphrase");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: this vault has one passphrase: its key files open with that passphrase itself"));
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public void HoldersPassphrase_OneHolder_OldStopsNewOpensOthersUnchanged()
    {
        using SharedVault vault = SharedVault.WithKey();
        string fresh = vault.Vault.Directory.Write("fresh.txt", "ben's brand new passphrase\n");
        string before = File.ReadAllText(Path.Combine(vault.Root, "vault.json"));

        CliResult wrongOld = vault.RunWith([], [vault.PassphraseFile("ana"), fresh], "holders", "passphrase", "ben");
        Assert.That(wrongOld.ExitCode, Is.EqualTo(2), wrongOld.ToString());
        Assert.That(File.ReadAllText(Path.Combine(vault.Root, "vault.json")), Is.EqualTo(before));

        CliResult changed = vault.RunWith([], [vault.PassphraseFile("ben"), fresh], "holders", "passphrase", "ben");
        Assert.That(changed.ExitCode, Is.Zero, changed.ToString());

        Assert.That(vault.Run(["ben", "cy"], "keys").ExitCode, Is.EqualTo(2));
        Assert.That(vault.RunWith(["ben", "cy"], [fresh, vault.PassphraseFile("cy")], "keys").ExitCode, Is.Zero);
        Assert.That(vault.Run(["ana", "cy"], "keys").ExitCode, Is.Zero);
    }

    [TestCase(new[] { "--shares", "3", "--threshold", "1", "--holders", "ana,ben,cy" }, "--threshold must be between 2 and --shares (3)")]
    [TestCase(new[] { "--shares", "3", "--threshold", "4", "--holders", "ana,ben,cy" }, "--threshold must be between 2 and --shares (3)")]
    [TestCase(new[] { "--shares", "17", "--threshold", "2", "--holders", "ana,ben,cy" }, "--shares must be between 2 and 16")]
    [TestCase(new[] { "--shares", "3", "--threshold", "2", "--holders", "ana,ben" }, "--holders names 2 holders, but --shares is 3")]
    [TestCase(new[] { "--shares", "3", "--threshold", "2", "--holders", "ana,ben,ana" }, "a holder is named twice in --holders")]
    [TestCase(new[] { "--shares", "3", "--threshold", "2", "--holders", "ana,Ben,cy" }, "\"Ben\" is not a holder's name")]
    [TestCase(new[] { "--shares", "3", "--threshold", "2" }, "--holders must name each holder of a share")]
    [TestCase(new[] { "--shares", "3", "--holders", "ana,ben,cy" }, "--shares and --threshold go together")]
    public void Init_BadShape_RefusedAndNothingCreated(string[] options, string error)
    {
        using var vault = new SharedVault();

        CliResult result = vault.RunWith([], [.. SharedVault.Names.Select(vault.PassphraseFile)], ["init", "--kdf-memory", "19", .. options]);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: " + error));
        Assert.That(Directory.Exists(vault.Root), Is.False);
    }

    [Test]
    public void Init_TwoHoldersWithOnePassphrase_Refused()
    {
        using var vault = new SharedVault();

        CliResult result = vault.RunWith([], [vault.PassphraseFile("ana"), vault.PassphraseFile("ben"), vault.PassphraseFile("ana")],
            "init", "--kdf-memory", "19", "--shares", "3", "--threshold", "2", "--holders", "ana,ben,cy");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: cy's passphrase is another holder's"));
        Assert.That(Directory.Exists(vault.Root), Is.False);
    }
}
