using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Crypto.Replies;
using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.Crypto.Tests.Replies;

/// <summary>
/// Builds TestVectors/mailbox-items.json: case statuses (v1) and consent requests (v1) as the console signs them
/// (signed.json's key "a", ML-DSA-65 deterministic here), the refusals each reader must make, which status is the
/// newest of a set, and a consent answer container (consent.json v1) as C# writes it, which the browser must write
/// byte for byte. Checked by <see cref="MailboxItemVectorTests"/> and src/Portal/ClientApp/test/mailbox-items.test.js.
/// <c>WHISTLE_WRITE_VECTORS=1 nice dotnet test tests/Crypto.Tests --filter Name=Build_WriteWhenAsked_WritesMailboxItemsJson</c>
/// rewrites it after a deliberate change.
/// </summary>
internal static class MailboxItemVectors
{
    public const string FileName = "mailbox-items.json";

    public const string Mailbox = "0d55a056e28e9586677fadfef201044683caead82410cac516d143ed2db8c858";
    public const string OtherMailbox = "6f1e1f1f4b1c1d1e1f202122232425262728292a2b2c2d2e2f30313233343536";
    public const string CaseKey = "9b0ac1ee3d5e2b8f4a6c7d8e9f00112233445566778899aabbccddeeff001122";

    public static string Build()
    {
        using TeamSigningKey a = TeamSigningKey.FromSeeds(Bytes(0x00), Bytes(0x20));
        using TeamSigningKey b = TeamSigningKey.FromSeeds(Bytes(0x40), Bytes(0x60));
        string Env(TeamSigningKey key, string type, byte[] payload) =>
            Encoding.ASCII.GetString(SignedDocument.Write(type, key.PublicKey.Fingerprint, payload, key.Sign(type, payload, deterministic: true)));
        byte[] Raw(string json) => Encoding.UTF8.GetBytes(json);

        var received = Status("10000000000000000000000000000001", "2026-12-01", 1, "received");
        var review = Status("10000000000000000000000000000002", "2026-12-03", 2, "under-review");
        var referred = Status("10000000000000000000000000000003", "2026-12-03", 3, "referred", "an Inspector General’s office");
        var closed = Status("10000000000000000000000000000004", "2026-12-09", 4, "closed");
        var request = new SignedConsentRequest { MailboxId = Mailbox, Id = "20000000000000000000000000000001", Day = "2026-12-04", Destinations = ["osc", "oig", "press"] };
        string statusHead = $$"""{"v":1,"mailboxId":"{{Mailbox}}","id":"10000000000000000000000000000009","day":"2026-12-05",""";
        string requestHead = $$"""{"v":1,"mailboxId":"{{Mailbox}}","id":"20000000000000000000000000000009","day":"2026-12-05",""";

        var answer = new ConsentAnswerV1
        {
            CaseKey = CaseKey,
            MailboxId = Mailbox,
            Request = request.Id,
            Answers = [new ConsentChoice { Destination = "osc", Answer = "yes" }, new ConsentChoice { Destination = "press", Answer = "no" }],
            Client = new ClientFacts { Language = Language.Es, EncryptedBy = EncryptedBy.Browser },
        };
        using var container = new MemoryStream();
        using (var writer = new SubmissionWriter(container, answer, leaveOpen: true))
        {
            writer.Complete();
        }

        var root = new JsonObject
        {
            ["description"] = "Case statuses and consent requests (docs/FORMATS.md: Case status, Consent request) signed with signed.json's "
                + "key \"a\" (ML-DSA-65 deterministic here, hedged in production), and what a mailbox must do with each when key \"a\" is "
                + "trusted: outcome ok, or the refusal (not-an-envelope, wrong-type, other-key, bad-signature, malformed, other-mailbox). "
                + "newest: the status a mailbox shows from a set (latest day, then highest seq). consentAnswer: consent.json and its "
                + "whole container (base64) as C# writes them. Built by tests/Crypto.Tests/Replies/MailboxItemVectors.cs.",
            ["trustedKey"] = a.PublicKey.Text,
            ["mailboxId"] = Mailbox,
            ["statuses"] = new JsonArray(
                Case("received", Env(a, SignedCaseStatus.SignedType, received.ToJson()), Mailbox, "ok", received.ToJson()),
                Case("referred, with to whom", Env(a, SignedCaseStatus.SignedType, referred.ToJson()), Mailbox, "ok", referred.ToJson()),
                Case("opened by another mailbox", Env(a, SignedCaseStatus.SignedType, received.ToJson()), OtherMailbox, "other-mailbox"),
                Case("signed by another team key", Env(b, SignedCaseStatus.SignedType, received.ToJson()), Mailbox, "other-key"),
                Case("a consent request's envelope offered as a status", Env(a, SignedConsentRequest.SignedType, request.ToJson()), Mailbox, "wrong-type"),
                Case("unsigned payload", Encoding.UTF8.GetString(received.ToJson()), Mailbox, "not-an-envelope"),
                Case("seq 0", Env(a, SignedCaseStatus.SignedType, Raw(statusHead + "\"seq\":0,\"status\":\"received\"}")), Mailbox, "malformed"),
                Case("unknown status", Env(a, SignedCaseStatus.SignedType, Raw(statusHead + "\"seq\":1,\"status\":\"dismissed\"}")), Mailbox, "malformed"),
                Case("referredTo without referred", Env(a, SignedCaseStatus.SignedType, Raw(statusHead + "\"seq\":1,\"status\":\"closed\",\"referredTo\":\"OSC\"}")), Mailbox, "malformed"),
                Case("referredTo with a line break", Env(a, SignedCaseStatus.SignedType, Raw(statusHead + "\"seq\":1,\"status\":\"referred\",\"referredTo\":\"OSC\\nor not\"}")), Mailbox, "malformed"),
                Case("seq as a string", Env(a, SignedCaseStatus.SignedType, Raw(statusHead + "\"seq\":\"1\",\"status\":\"received\"}")), Mailbox, "malformed"),
                Case("version 2", Env(a, SignedCaseStatus.SignedType, Raw(Encoding.UTF8.GetString(received.ToJson()).Replace("\"v\":1", "\"v\":2", StringComparison.Ordinal))), Mailbox, "malformed")),
            ["newest"] = new JsonArray(
                Newest("a later day wins over a higher seq", [Env(a, SignedCaseStatus.SignedType, closed.ToJson()), Env(a, SignedCaseStatus.SignedType, Status("10000000000000000000000000000005", "2026-12-08", 9, "under-review").ToJson())], closed.Id),
                Newest("same day: the higher seq wins, whatever the order served", [Env(a, SignedCaseStatus.SignedType, referred.ToJson()), Env(a, SignedCaseStatus.SignedType, review.ToJson()), Env(a, SignedCaseStatus.SignedType, received.ToJson())], referred.Id),
                Newest("a newer status signed by another key is no status", [Env(a, SignedCaseStatus.SignedType, review.ToJson()), Env(b, SignedCaseStatus.SignedType, closed.ToJson())], review.Id)),
            ["consentRequests"] = new JsonArray(
                Case("osc, oig and press", Env(a, SignedConsentRequest.SignedType, request.ToJson()), Mailbox, "ok", request.ToJson()),
                Case("opened by another mailbox", Env(a, SignedConsentRequest.SignedType, request.ToJson()), OtherMailbox, "other-mailbox"),
                Case("a status's envelope offered as a request", Env(a, SignedCaseStatus.SignedType, received.ToJson()), Mailbox, "wrong-type"),
                Case("destinations out of order", Env(a, SignedConsentRequest.SignedType, Raw(requestHead + "\"destinations\":[\"press\",\"osc\"]}")), Mailbox, "malformed"),
                Case("a destination twice", Env(a, SignedConsentRequest.SignedType, Raw(requestHead + "\"destinations\":[\"osc\",\"osc\"]}")), Mailbox, "malformed"),
                Case("no destination", Env(a, SignedConsentRequest.SignedType, Raw(requestHead + "\"destinations\":[]}")), Mailbox, "malformed"),
                Case("unknown destination", Env(a, SignedConsentRequest.SignedType, Raw(requestHead + "\"destinations\":[\"ice\"]}")), Mailbox, "malformed")),
            ["consentAnswer"] = new JsonObject
            {
                ["caseKey"] = CaseKey,
                ["request"] = request.Id,
                ["answers"] = new JsonObject { ["osc"] = "yes", ["press"] = "no" },
                ["language"] = "es",
                ["document"] = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(answer, SubmissionJsonContext.Default.ConsentAnswerV1)),
                ["container"] = Convert.ToBase64String(container.ToArray()),
            },
        };

        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return root.ToJsonString(options).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static SignedCaseStatus Status(string id, string day, long seq, string status, string? referredTo = null) =>
        new() { MailboxId = Mailbox, Id = id, Day = day, Seq = seq, Status = status, ReferredTo = referredTo };

    private static JsonObject Case(string name, string plaintext, string mailboxId, string outcome, byte[]? payload = null)
    {
        var o = new JsonObject { ["name"] = name, ["plaintext"] = plaintext, ["mailboxId"] = mailboxId, ["outcome"] = outcome };
        if (payload is not null)
        {
            o["payloadText"] = Encoding.UTF8.GetString(payload);
        }

        return o;
    }

    private static JsonObject Newest(string name, string[] plaintexts, string id) =>
        new() { ["name"] = name, ["plaintexts"] = new JsonArray([.. plaintexts.Select(p => (JsonNode)p)]), ["newestId"] = id };

    private static byte[] Bytes(int first) => Enumerable.Range(first, 32).Select(i => (byte)i).ToArray();
}
