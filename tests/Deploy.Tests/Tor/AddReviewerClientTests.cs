using Org.BouncyCastle.Math.EC.Rfc7748;
using WhistleSubmit.Deploy.Tests.Support;

namespace WhistleSubmit.Deploy.Tests.Tor;

[TestFixture]
public sealed class AddReviewerClientTests
{
    private static readonly string Script = Path.Combine(Repo.Deploy, "tor", "add-reviewer-client.sh");

    private static byte[] Base32Decode(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add(unchecked((byte)(buffer >> bits)));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. output];
    }

    private static ProcessResult Client(TempDirectory root, params string[] args) =>
        Run.Bash(Script, ["--root", root.Path, "--service-dir", "/transfer", "--no-services", .. args]);

    private static TempDirectory ServiceTree()
    {
        var root = new TempDirectory();
        Directory.CreateDirectory(root.Combine("transfer"), TorTree.Private);
        return root;
    }

    [Test]
    public void Generate_KeyPair_PublicKeyIsX25519OfPrivateKey()
    {
        var result = Run.Bash(Script, "generate");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var keys = result.StdOut.Split('\n').Select(l => l.Trim()).Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, "^[A-Z2-7]{52}$")).ToList();
        Assert.That(keys, Has.Count.EqualTo(2));
        var expected = new byte[32];
        X25519.ScalarMultBase(Base32Decode(keys[1]), 0, expected, 0);
        Assert.That(Base32Decode(keys[0]), Is.EqualTo(expected));
    }

    [Test]
    public void Add_ValidKey_WritesPrivateAuthFileInTorsFormat()
    {
        Run.RequireRoot();
        using var root = ServiceTree();
        const string Key = "FVDDFNQ7GVQFLW4NRX3MT5MTCX7WMLPJLASD4FTA45TU35OL5I6A";

        var result = Client(root, "add", "alice", Key);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var file = root.Combine("transfer", "authorized_clients", "alice.auth");
        Assert.That(File.ReadAllText(file), Is.EqualTo("descriptor:x25519:" + Key + "\n"));
        Assert.That(File.GetUnixFileMode(file), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(Client(root, "list").StdOut, Is.EqualTo("alice\n"));
    }

    [TestCase("alice", "FVDDFNQ7GVQFLW4NRX3MT5MTCX7WMLPJLASD4FTA45TU35OL5I6", Description = "51 characters")]
    [TestCase("alice", "fvddfnq7gvqflw4nrx3mt5mtcx7wmlpjlasd4fta45tu35ol5i6a", Description = "lower case")]
    [TestCase("alice", "FVDDFNQ7GVQFLW4NRX3MT5MTCX7WMLPJLASD4FTA45TU35OL5I61", Description = "not base32")]
    [TestCase("../alice", "FVDDFNQ7GVQFLW4NRX3MT5MTCX7WMLPJLASD4FTA45TU35OL5I6A", Description = "path in the name")]
    [TestCase("", "FVDDFNQ7GVQFLW4NRX3MT5MTCX7WMLPJLASD4FTA45TU35OL5I6A", Description = "empty name")]
    public void Add_BadNameOrKey_RefusedAndNothingWritten(string name, string key)
    {
        using var root = ServiceTree();

        var result = Client(root, "add", name, key);

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(Directory.Exists(root.Combine("transfer", "authorized_clients")), Is.False);
    }

    [Test]
    public void Remove_AddedClient_FileGone()
    {
        Run.RequireRoot();
        using var root = ServiceTree();
        Assert.That(Client(root, "new", "bob").ExitCode, Is.Zero);

        var result = Client(root, "remove", "bob");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(File.Exists(root.Combine("transfer", "authorized_clients", "bob.auth")), Is.False);
        Assert.That(Client(root, "remove", "bob").ExitCode, Is.Not.Zero);
    }
}
