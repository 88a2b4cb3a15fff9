using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Tests.Age;

/// <summary>
/// The post-quantum vectors (<c>hybrid_*</c>, <c>armor_hybrid</c>) of the C2SP CCTV age suite (github.com/C2SP/CCTV,
/// age/), run against <see cref="MlKem768X25519Identity"/> alone. The header is parsed here just far enough to
/// collect the stanzas and the MAC; the full decryptor (and with it the payload) is tested by AgeEncryption's runner.
/// </summary>
public class CctvHybridVectorTests
{
    private static readonly string VectorDirectory = Path.Combine(AppContext.BaseDirectory, "TestVectors", "age");

    [TestCaseSource(nameof(VectorNames), new object[] { "success" })]
    public void Unwrap_SuccessVector_ReturnsFileKeyThatVerifiesHeaderMac(string name)
    {
        Vector vector = Vector.Load(name);
        (IReadOnlyList<Stanza> stanzas, byte[] macInput, byte[] mac) = ParseHeader(vector.File);
        using var identity = MlKem768X25519Identity.Parse(vector.PostQuantumIdentity);

        using FileKey? fileKey = identity.Unwrap(stanzas);

        Assert.That(fileKey, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(fileKey!.Span.ToArray(), Is.EqualTo(Convert.FromHexString(vector.Fields["file key"])));
            Assert.That(HeaderMac(fileKey.Span, macInput), Is.EqualTo(mac));
        });
    }

    [TestCaseSource(nameof(VectorNames), new object[] { "no match" })]
    public void Unwrap_NoMatchVector_ReturnsNull(string name)
    {
        Vector vector = Vector.Load(name);
        (IReadOnlyList<Stanza> stanzas, _, _) = ParseHeader(vector.File);
        using var identity = MlKem768X25519Identity.Parse(vector.PostQuantumIdentity);

        Assert.That(identity.Unwrap(stanzas), Is.Null);
    }

    [TestCaseSource(nameof(VectorNames), new object[] { "header failure" })]
    public void Unwrap_HeaderFailureVector_ThrowsHeaderError(string name)
    {
        Vector vector = Vector.Load(name);
        using var identity = MlKem768X25519Identity.Parse(vector.PostQuantumIdentity);

        // Non-canonical body base64 (hybrid_not_canonical_body) is refused by the header parser, before any identity.
        Assert.That(() => identity.Unwrap(ParseHeader(vector.File).Stanzas),
            Throws.TypeOf<AgeException>().With.Property(nameof(AgeException.Kind)).EqualTo(AgeErrorKind.Header));
    }

    [Test]
    public void Unwrap_X25519StanzaWithHybridEnc_IsIgnoredByThePostQuantumIdentity()
    {
        // hybrid_x25519_arg fails in the X25519 identity, which owns that stanza; the PQ identity must not look at it.
        Vector vector = Vector.Load("hybrid_x25519_arg");
        using var identity = MlKem768X25519Identity.Parse(vector.PostQuantumIdentity);

        Assert.That(identity.Unwrap(ParseHeader(vector.File).Stanzas), Is.Null);
    }

    [Test]
    public void Unwrap_SpecExampleStanza_AuthenticatesForTheSpecExampleIdentity()
    {
        // The spec's example stanza was made for its example identity: the AEAD only opens if every byte agrees.
        var stanza = new Stanza("mlkem768x25519", [SpecExamples.Join(SpecExamples.StanzaEnc)], Base64Canonical.Decode(SpecExamples.StanzaBody));
        using var identity = MlKem768X25519Identity.Parse(SpecExamples.Identity);

        using FileKey? fileKey = identity.Unwrap([stanza]);

        Assert.That(fileKey, Is.Not.Null);
    }

    private static IEnumerable<TestCaseData> VectorNames(string expect) =>
        Directory.EnumerateFiles(VectorDirectory)
            .Select(Path.GetFileName)
            .Where(n => n!.StartsWith("hybrid", StringComparison.Ordinal) || n == "armor_hybrid")
            .Where(n => n != "hybrid_x25519_arg")
            .Where(n => Vector.Load(n!).Fields["expect"] == expect)
            .Order(StringComparer.Ordinal)
            .Select(n => new TestCaseData(n).SetArgDisplayNames(n!));

    // Spec "Header": HMAC-SHA-256(HKDF-SHA-256(ikm = file key, salt = empty, info = "header"), header up to "---").
    private static byte[] HeaderMac(ReadOnlySpan<byte> fileKey, byte[] macInput)
    {
        byte[] key = HKDF.DeriveKey(HashAlgorithmName.SHA256, fileKey.ToArray(), 32, [], "header"u8.ToArray());
        return HMACSHA256.HashData(key, macInput);
    }

    // Just enough of the spec's header grammar: "-> " stanza lines, body lines up to the first short one, "--- MAC".
    private static (IReadOnlyList<Stanza> Stanzas, byte[] MacInput, byte[] Mac) ParseHeader(byte[] file)
    {
        var stanzas = new List<Stanza>();
        int offset = 0;
        string NextLine()
        {
            int end = Array.IndexOf(file, (byte)'\n', offset);
            string line = Encoding.ASCII.GetString(file, offset, end - offset);
            offset = end + 1;
            return line;
        }

        Assert.That(NextLine(), Is.EqualTo("age-encryption.org/v1"));
        while (true)
        {
            int lineStart = offset;
            string line = NextLine();
            if (line.StartsWith("--- ", StringComparison.Ordinal))
            {
                return (stanzas, file[..(lineStart + 3)], Base64Canonical.Decode(line.AsSpan(4))!);
            }

            Assert.That(line, Does.StartWith("-> "));
            string[] args = line[3..].Split(' ');
            var body = new StringBuilder();
            string bodyLine;
            do
            {
                bodyLine = NextLine();
                body.Append(bodyLine);
            }
            while (bodyLine.Length == 64);

            byte[] bytes = Base64Canonical.Decode(body.ToString())
                ?? throw new AgeException(AgeErrorKind.Header, "Non-canonical stanza body.");
            stanzas.Add(new Stanza(args[0], args[1..], bytes));
        }
    }

    private sealed record Vector(Dictionary<string, string> Fields, string PostQuantumIdentity, byte[] File)
    {
        public static Vector Load(string name)
        {
            byte[] raw = System.IO.File.ReadAllBytes(Path.Combine(VectorDirectory, name));
            int split = raw.AsSpan().IndexOf("\n\n"u8);
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            string identity = "";
            foreach (string line in Encoding.ASCII.GetString(raw, 0, split).Split('\n'))
            {
                int colon = line.IndexOf(": ", StringComparison.Ordinal);
                (string key, string value) = (line[..colon], line[(colon + 2)..]);
                fields[key] = value;
                if (key == "identity" && value.StartsWith("AGE-SECRET-KEY-PQ-", StringComparison.Ordinal))
                {
                    identity = value;
                }
            }

            byte[] file = raw[(split + 2)..];
            if (fields.GetValueOrDefault("compressed") == "zlib")
            {
                using var output = new MemoryStream();
                using (var zlib = new ZLibStream(new MemoryStream(file), CompressionMode.Decompress))
                {
                    zlib.CopyTo(output);
                }

                file = output.ToArray();
            }

            if (fields.GetValueOrDefault("armored") == "yes")
            {
                string[] lines = Encoding.ASCII.GetString(file).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                file = Convert.FromBase64String(string.Concat(lines[1..^1]));
            }

            return new Vector(fields, identity, file);
        }
    }
}
