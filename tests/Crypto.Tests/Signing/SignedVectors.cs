using System.Numerics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.Crypto.Tests.Signing;

/// <summary>
/// Builds TestVectors/signed.json from fixed seeds. Everything in it is deterministic (ML-DSA-65 signs with rnd = 0
/// here), so building it again gives the same bytes: <see cref="SignedVectorTests"/> checks that, and
/// <c>WHISTLE_WRITE_VECTORS=1 nice dotnet test tests/Crypto.Tests --filter Name=Build_WriteWhenAsked_WritesSignedJson</c>
/// rewrites the file after a deliberate change.
/// </summary>
internal static class SignedVectors
{
    public const string FileName = "signed.json";

    private static readonly BigInteger L = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);

    public static string Build()
    {
        using TeamSigningKey a = TeamSigningKey.FromSeeds(Bytes(0x00), Bytes(0x20));
        using TeamSigningKey b = TeamSigningKey.FromSeeds(Bytes(0x40), Bytes(0x60));
        using var replyIdentity = MlKem768X25519Identity.FromSeed(Bytes(0x80));

        byte[] recipientSet = Encoding.UTF8.GetBytes(
            $"{{\"v\":2,\"issued\":\"2026-12-07\",\"recipients\":[\"{replyIdentity.Recipient}\"]}}");
        byte[] reply = Encoding.UTF8.GetBytes(
            "{\"v\":2,\"mailboxId\":\"" + new string('a', 64) + "\",\"id\":\"" + new string('b', 32)
            + "\",\"day\":\"2026-12-07\",\"text\":\"Thank you. Grüße — we are looking into it.\"}");

        byte[] replySig = a.Sign("reply", reply, deterministic: true);
        byte[] setSig = a.Sign("recipient-set", recipientSet, deterministic: true);
        string replyEnvelope = Text(SignedDocument.Write("reply", a.PublicKey.Fingerprint, reply, replySig));
        string fpA = a.PublicKey.Fingerprint;

        var root = new JsonObject
        {
            ["description"] = "Team signatures and signed documents (docs/FORMATS.md, Team signature and Signed document). "
                + "Seeds, payloads and base64url without padding as in the spec; byte strings in lower-case hex. ML-DSA-65 "
                + "signs deterministically (rnd = 0) here so the file is reproducible; production signing is hedged. Every "
                + "document is opened with key \"a\" trusted; reasons: not-an-envelope, wrong-type, other-key, bad-signature. "
                + "Built by tests/Crypto.Tests/Signing/SignedVectors.cs.",
            ["maxBytes"] = SignedDocument.MaxBytes,
            ["keys"] = new JsonArray(KeyEntry("a", a, Bytes(0x00), Bytes(0x20)), KeyEntry("b", b, Bytes(0x40), Bytes(0x60))),
            ["invalidPublicKeys"] = InvalidPublicKeys(a.PublicKey.Text),
            ["valid"] = new JsonArray(
                Valid("reply", "reply", reply, replyEnvelope, deterministic: true),
                Valid("recipient-set", "recipient-set", recipientSet, Text(SignedDocument.Write("recipient-set", fpA, recipientSet, setSig)), deterministic: true),
                Valid("reordered with whitespace", "reply", reply, Reordered(replyEnvelope), deterministic: false)),
            ["invalid"] = Invalid(a, b, reply, replySig, replyEnvelope),
        };

        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return root.ToJsonString(options).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static JsonArray Invalid(TeamSigningKey a, TeamSigningKey b, byte[] reply, byte[] replySig, string replyEnvelope)
    {
        string fpA = a.PublicKey.Fingerprint;
        byte[] bSig = b.Sign("reply", reply, deterministic: true);
        string Env(string type, string key, byte[] payload, byte[] sig) => Text(SignedDocument.Write(type, key, payload, sig));
        JsonObject o = JsonNode.Parse(replyEnvelope)!.AsObject();
        string payload64 = (string)o["payload"]!, sig64 = (string)o["sig"]!;
        string Fields(string v = "2", string type = "reply", string? key = null, string? payload = null, string? sig = null, string extra = "") =>
            $"{{\"v\":{v},\"type\":\"{type}\",\"key\":\"{key ?? fpA}\",\"payload\":\"{payload ?? payload64}\",\"sig\":\"{sig ?? sig64}\"{extra}}}";

        byte[] payloadFlipped = (byte[])reply.Clone();
        payloadFlipped[^3] ^= 0x01;

        var list = new JsonArray
        {
            Case("wrong type expected", "recipient-set", replyEnvelope, "wrong-type"),
            Case("type rewritten", "recipient-set", Fields(type: "recipient-set"), "bad-signature"),
            Case("signed by another team key", "reply", Env("reply", b.PublicKey.Fingerprint, reply, bSig), "other-key", b.PublicKey.Fingerprint),
            Case("another key's signature under our fingerprint", "reply", Env("reply", fpA, reply, bSig), "bad-signature"),
            Case("Ed25519 half: bit flipped in R", "reply", Env("reply", fpA, reply, Flip(replySig, 0)), "bad-signature"),
            Case("Ed25519 half: bit flipped in S", "reply", Env("reply", fpA, reply, Flip(replySig, 40)), "bad-signature"),
            Case("Ed25519 half: S + L (non-canonical)", "reply", Env("reply", fpA, reply, AddL(replySig)), "bad-signature"),
            Case("ML-DSA-65 half: bit flipped at start", "reply", Env("reply", fpA, reply, Flip(replySig, 64)), "bad-signature"),
            Case("ML-DSA-65 half: bit flipped at end", "reply", Env("reply", fpA, reply, Flip(replySig, TeamPublicKey.SignatureLength - 1)), "bad-signature"),
            Case("only Ed25519 valid", "reply", Env("reply", fpA, reply, [.. replySig.AsSpan(0, 64), .. bSig.AsSpan(64)]), "bad-signature"),
            Case("only ML-DSA-65 valid", "reply", Env("reply", fpA, reply, [.. bSig.AsSpan(0, 64), .. replySig.AsSpan(64)]), "bad-signature"),
            Case("payload bit flipped", "reply", Env("reply", fpA, payloadFlipped, replySig), "bad-signature"),
            Case("empty", "reply", "", "not-an-envelope"),
            Case("array", "reply", "[]", "not-an-envelope"),
            Case("truncated", "reply", replyEnvelope[..^1], "not-an-envelope"),
            Case("second value after the object", "reply", replyEnvelope + "{}", "not-an-envelope"),
            Case("byte order mark", "reply", "\uFEFF" + replyEnvelope, "not-an-envelope"),
            Case("trailing comma", "reply", Fields(extra: ","), "not-an-envelope"),
            Case("unknown property", "reply", Fields(extra: ",\"note\":\"x\""), "not-an-envelope"),
            Case("duplicate property", "reply", Fields(extra: ",\"type\":\"reply\""), "not-an-envelope"),
            Case("duplicate version", "reply", Fields(extra: ",\"v\":2"), "not-an-envelope"),
            Case("missing sig", "reply", $"{{\"v\":2,\"type\":\"reply\",\"key\":\"{fpA}\",\"payload\":\"{payload64}\"}}", "not-an-envelope"),
            Case("version 1", "reply", Fields(v: "1"), "not-an-envelope"),
            Case("version 2.0", "reply", Fields(v: "2.0"), "not-an-envelope"),
            Case("version as a string", "reply", Fields(v: "\"2\""), "not-an-envelope"),
            Case("type in upper case", "reply", Fields(type: "Reply"), "not-an-envelope"),
            Case("type with an escape", "reply", Fields(type: "rep\\u006cy"), "not-an-envelope"),
            Case("key in upper case", "reply", Fields(key: fpA.ToUpperInvariant()), "not-an-envelope"),
            Case("key too short", "reply", Fields(key: fpA[..^1]), "not-an-envelope"),
            Case("payload with padding", "reply", Fields(payload: payload64 + "="), "not-an-envelope"),
            Case("payload in the standard alphabet", "reply", Fields(payload: payload64 + "+/"), "not-an-envelope"),
            Case("sig with padding", "reply", Fields(sig: sig64 + "=="), "not-an-envelope"),
            Case("sig with non-zero trailing bits", "reply", Fields(sig: sig64[..^1] + NonCanonical(sig64[^1])), "not-an-envelope"),
            Case("sig one byte short", "reply", Env("reply", fpA, reply, replySig[..^1]), "not-an-envelope"),
            Case("sig with a space", "reply", Fields(sig: sig64[..100] + " " + sig64[100..]), "not-an-envelope"),
            Case("number as a string field", "reply", $"{{\"v\":2,\"type\":1,\"key\":\"{fpA}\",\"payload\":\"{payload64}\",\"sig\":\"{sig64}\"}}", "not-an-envelope"),
        };

        byte[] badUtf8 = [.. Encoding.ASCII.GetBytes(Fields()[..^1]), .. ",\"note\":\""u8, 0xff, .. "\"}"u8];
        list.Add(new JsonObject
        {
            ["name"] = "invalid UTF-8",
            ["expectedType"] = "reply",
            ["envelopeHex"] = Convert.ToHexStringLower(badUtf8),
            ["reason"] = "not-an-envelope",
        });
        return list;
    }

    private static JsonObject KeyEntry(string name, TeamSigningKey key, byte[] edSeed, byte[] mlSeed) => new()
    {
        ["name"] = name,
        ["ed25519Seed"] = Convert.ToHexStringLower(edSeed),
        ["mlDsaSeed"] = Convert.ToHexStringLower(mlSeed),
        ["secretText"] = key.SecretText,
        ["publicKey"] = key.PublicKey.Text,
        ["fingerprint"] = key.PublicKey.Fingerprint,
        ["displayFingerprint"] = key.PublicKey.DisplayFingerprint,
    };

    private static JsonArray InvalidPublicKeys(string text) =>
    [
        new JsonObject { ["name"] = "empty", ["text"] = "" },
        new JsonObject { ["name"] = "upper case", ["text"] = text.ToUpperInvariant() },
        new JsonObject { ["name"] = "wrong prefix", ["text"] = "whistlesubmit-team-v1:" + text[TeamPublicKey.Prefix.Length..] },
        new JsonObject { ["name"] = "one character short", ["text"] = text[..^1] },
        new JsonObject { ["name"] = "padded", ["text"] = text + "==" },
        new JsonObject { ["name"] = "non-zero trailing bits", ["text"] = text[..^1] + NonCanonical(text[^1]) },
        new JsonObject { ["name"] = "leading space", ["text"] = " " + text },
        new JsonObject { ["name"] = "Ed25519 half not canonical (y = 2^255 - 1)", ["text"] = WithEd25519(text, [.. Enumerable.Repeat((byte)0xff, 31), 0x7f]) },
    ];

    private static string WithEd25519(string text, byte[] ed25519)
    {
        byte[] bytes = TeamPublicKey.Parse(text).Bytes;
        ed25519.CopyTo(bytes, 0);
        return TeamPublicKey.Prefix + System.Buffers.Text.Base64Url.EncodeToString(bytes);
    }

    private static JsonObject Valid(string name, string type, byte[] payload, string envelope, bool deterministic) => new()
    {
        ["name"] = name,
        ["expectedType"] = type,
        ["payloadText"] = Encoding.UTF8.GetString(payload),
        ["envelope"] = envelope,
        ["deterministic"] = deterministic,
    };

    private static JsonObject Case(string name, string expectedType, string envelope, string reason, string? keyFingerprint = null)
    {
        var o = new JsonObject { ["name"] = name, ["expectedType"] = expectedType, ["envelope"] = envelope, ["reason"] = reason };
        if (keyFingerprint is not null)
        {
            o["keyFingerprint"] = keyFingerprint;
        }

        return o;
    }

    private static string Reordered(string envelope)
    {
        JsonObject o = JsonNode.Parse(envelope)!.AsObject();
        return $"{{\n  \"sig\": \"{o["sig"]}\",\n  \"payload\": \"{o["payload"]}\",\n  \"key\": \"{o["key"]}\",\n  \"type\": \"{o["type"]}\",\n  \"v\": 2\n}}\n";
    }

    private static byte[] Bytes(int first) => Enumerable.Range(first, 32).Select(i => (byte)i).ToArray();

    private static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);

    private static byte[] Flip(byte[] signature, int index)
    {
        byte[] copy = (byte[])signature.Clone();
        copy[index] ^= 0x01;
        return copy;
    }

    // S occupies bytes 32..63 little-endian and is < L; S + L < 2^256 still fits, and RFC 8032 requires refusing it.
    private static byte[] AddL(byte[] signature)
    {
        byte[] copy = (byte[])signature.Clone();
        var s = new BigInteger(copy.AsSpan(32, 32), isUnsigned: true, isBigEndian: false);
        (s + L).TryWriteBytes(copy.AsSpan(32, 32), out int written, isUnsigned: true, isBigEndian: false);
        if (written > 32)
        {
            throw new InvalidOperationException("S + L does not fit.");
        }

        return copy;
    }

    private static char NonCanonical(char c)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return Alphabet[Alphabet.IndexOf(c, StringComparison.Ordinal) | 1];
    }
}
