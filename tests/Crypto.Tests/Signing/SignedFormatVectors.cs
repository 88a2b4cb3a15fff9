using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Replies;
using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.Crypto.Tests.Signing;

/// <summary>
/// Builds TestVectors/signed-formats.json: import receipts v2, replies manifests v2 and replies v2 as the console
/// writes them, signed (deterministically, rnd = 0) with signed.json's key "a", and the refusals each consumer must
/// make (<see cref="SignedFormatVectorTests"/> in C#, src/Portal/ClientApp/test/mailbox.test.js in JavaScript).
/// <c>WHISTLE_WRITE_VECTORS=1 nice dotnet test tests/Crypto.Tests --filter Name=Build_WriteWhenAsked_WritesSignedFormatsJson</c>
/// rewrites it after a deliberate change.
/// </summary>
internal static class SignedFormatVectors
{
    public const string FileName = "signed-formats.json";

    public const string Mailbox = "0d55a056e28e9586677fadfef201044683caead82410cac516d143ed2db8c858";
    public const string OtherMailbox = "6f1e1f1f4b1c1d1e1f202122232425262728292a2b2c2d2e2f30313233343536";

    public static string Build()
    {
        using TeamSigningKey a = TeamSigningKey.FromSeeds(Bytes(0x00), Bytes(0x20));
        using TeamSigningKey b = TeamSigningKey.FromSeeds(Bytes(0x40), Bytes(0x60));
        string Env(TeamSigningKey key, string type, byte[] payload) =>
            Encoding.ASCII.GetString(SignedDocument.Write(type, key.PublicKey.Fingerprint, payload, key.Sign(type, payload, deterministic: true)));

        var receipt = new ImportReceipt
        {
            BundleSha256 = "9f2c3a0d7c1b8e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b",
            Items = ["00112233445566778899aabbccddeeff", "ffeeddccbbaa99887766554433221100"],
            AuditHead = "3b5d5c3712955042212316173ccf37be800b9c1f3d1c8fa39c6b24d0a6b0f0e1",
        };
        byte[] receiptPayload = receipt.ToJson();
        byte[] v1Receipt = (receipt with { V = 1, AuditHead = null }).ToJson();

        var reply = new SignedReply { MailboxId = Mailbox, Id = "a1b2c3d4e5f60718293a4b5c6d7e8f90", Day = "2026-12-07", Text = "Thank you. ¿Qué turno era?\nWe are looking into it." };
        byte[] replyPayload = JsonSerializer.SerializeToUtf8Bytes(reply, ReplyJsonContext.Default.SignedReply);
        byte[] v1ReplyPayload = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(replyPayload).Replace("\"v\":2", "\"v\":1", StringComparison.Ordinal));

        var manifest = new BundleManifest
        {
            V = 2,
            Kind = BundleKind.Replies,
            Created = new DateOnly(2026, 12, 7),
            Items = [new BundleItem { Id = reply.Id, MailboxId = Mailbox, Kind = BundleItemKind.Reply, Size = 1234, Sha256 = receipt.AuditHead }],
        };
        byte[] manifestPayload = JsonSerializer.SerializeToUtf8Bytes(manifest, BundleJsonContext.Default.BundleManifest);

        var root = new JsonObject
        {
            ["description"] = "Protocol v2 signed formats (docs/FORMATS.md: Import receipt, Manifest, Replies): envelopes as the console writes "
                + "them, signed with signed.json's key \"a\" (ML-DSA-65 deterministic here, hedged in production), and what each "
                + "consumer must do with them when key \"a\" is trusted. outcome: ok, or the refusal (not-an-envelope, wrong-type, "
                + "other-key, bad-signature, malformed: a signed payload that is not the format, other-mailbox). "
                + "Built by tests/Crypto.Tests/Signing/SignedFormatVectors.cs.",
            ["trustedKey"] = a.PublicKey.Text,
            ["otherKey"] = b.PublicKey.Text,
            ["receipts"] = new JsonArray(
                Case("signed v2 receipt", Env(a, "import-receipt", receiptPayload), "ok", Encoding.UTF8.GetString(receiptPayload)),
                Case("unsigned v1 receipt", Encoding.UTF8.GetString(v1Receipt), "not-an-envelope"),
                Case("unsigned v2 payload", Encoding.UTF8.GetString(receiptPayload), "not-an-envelope"),
                Case("signed by another team key", Env(b, "import-receipt", receiptPayload), "other-key"),
                Case("a reply's envelope offered as a receipt", Env(a, "reply", replyPayload), "wrong-type"),
                Case("signed v1 payload", Env(a, "import-receipt", v1Receipt), "malformed")),
            ["repliesManifests"] = new JsonArray(
                Case("signed v2 manifest", Env(a, "replies-manifest", manifestPayload), "ok", Encoding.UTF8.GetString(manifestPayload)),
                Case("signed by another team key", Env(b, "replies-manifest", manifestPayload), "other-key")),
            ["replies"] = new JsonArray(
                ReplyCase("signed v2 reply", Env(a, "reply", replyPayload), Mailbox, "ok", reply),
                ReplyCase("signed v2 reply, opened by another mailbox", Env(a, "reply", replyPayload), OtherMailbox, "other-mailbox"),
                ReplyCase("v1 reply: bare text", "Send us the investigators' names.", Mailbox, "not-an-envelope"),
                ReplyCase("signed by another team key", Env(b, "reply", replyPayload), Mailbox, "other-key"),
                ReplyCase("a receipt's envelope offered as a reply", Env(a, "import-receipt", receiptPayload), Mailbox, "wrong-type"),
                ReplyCase("signed v1 payload", Env(a, "reply", v1ReplyPayload), Mailbox, "malformed")),
        };

        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return root.ToJsonString(options).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static JsonObject Case(string name, string document, string outcome, string? payload = null)
    {
        var o = new JsonObject { ["name"] = name, ["document"] = document, ["outcome"] = outcome };
        if (payload is not null)
        {
            o["payloadText"] = payload;
        }

        return o;
    }

    private static JsonObject ReplyCase(string name, string plaintext, string mailboxId, string outcome, SignedReply? reply = null)
    {
        var o = new JsonObject { ["name"] = name, ["plaintext"] = plaintext, ["mailboxId"] = mailboxId, ["outcome"] = outcome };
        if (reply is not null)
        {
            o["day"] = reply.Day;
            o["text"] = reply.Text;
        }

        return o;
    }

    private static byte[] Bytes(int first) => Enumerable.Range(first, 32).Select(i => (byte)i).ToArray();
}
