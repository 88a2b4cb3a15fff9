using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.TestSupport;

/// <summary>
/// A reviewers' team for tests: a fresh team signing key, and the files the console's <c>team publish</c> gives the
/// portal (team.pub and recipients.signed.json), so a production-mode portal can start.
/// </summary>
public sealed class TestTeam : IDisposable
{
    public const string PublicKeyFileName = "team.pub";
    public const string SignedRecipientsFileName = "recipients.signed.json";

    public TeamSigningKey Key { get; } = TeamSigningKey.Generate();

    public TeamPublicKey PublicKey => Key.PublicKey;

    /// <summary>The signed envelope of a set of <paramref name="recipients"/> issued today.</summary>
    public byte[] SignRecipients(params string[] recipients) =>
        RecipientSet.Create(recipients, DateOnly.FromDateTime(DateTime.UtcNow)).Sign(Key);

    /// <summary>Writes team.pub only.</summary>
    public void WritePublicKey(string dataDirectory) =>
        File.WriteAllText(Path.Combine(dataDirectory, PublicKeyFileName), PublicKey.Text + "\n");

    /// <summary>Writes team.pub and recipients.signed.json for <paramref name="recipients"/> into <paramref name="dataDirectory"/>.</summary>
    public void Configure(string dataDirectory, params string[] recipients)
    {
        WritePublicKey(dataDirectory);
        File.WriteAllBytes(Path.Combine(dataDirectory, SignedRecipientsFileName), SignRecipients(recipients));
    }

    /// <summary>
    /// The attack of issue 13 item 3: <paramref name="envelope"/> with <paramref name="extra"/> added to its set's
    /// recipients, the signature left as it was (what a compromised portal that cannot sign would serve).
    /// </summary>
    public static byte[] WithExtraRecipient(byte[] envelope, string extra)
    {
        var document = JsonNode.Parse(envelope)!.AsObject();
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(document["payload"]!.GetValue<string>()))!.AsObject();
        payload["recipients"]!.AsArray().Add(extra);
        document["payload"] = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return Encoding.UTF8.GetBytes(document.ToJsonString());
    }

    public void Dispose() => Key.Dispose();
}
