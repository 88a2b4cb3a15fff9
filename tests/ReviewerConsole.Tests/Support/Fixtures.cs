using System.Security.Cryptography;
using System.Text;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Crypto.Tests.Tar;

namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>Submission containers, age items and bundles, built with the real Crypto writers (or raw tar for malice).</summary>
internal static class Fixtures
{
    public static readonly DateOnly Day = new(2026, 11, 27);

    public static ClientFacts Client { get; } = new() { Language = Language.En, EncryptedBy = EncryptedBy.Browser };

    public static string NewMailbox() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static ReportV1 Report(string description, string? replyRecipient, params (string Name, byte[] Data)[] files) => new()
    {
        Description = description,
        Categories = [Category.UnlawfulForce, Category.InjuryOrDeath],
        Where = new IncidentWhere { State = "TX", Place = "Processing center" },
        Harm = new Harm { Force = Answer.Yes, Injuries = 2, Deaths = 0 },
        Attachments = [.. files.Select(f => new AttachmentInfo { Name = f.Name, Size = f.Data.Length })],
        ReplyRecipient = replyRecipient,
        Client = Client,
    };

    public static byte[] Container(ReportV1 report, params byte[][] files)
    {
        using var output = new MemoryStream();
        using (var writer = new SubmissionWriter(output, report, leaveOpen: true))
        {
            files.ToList().ForEach(f => writer.AddAttachment(new MemoryStream(f)));
            writer.Complete();
        }

        return output.ToArray();
    }

    public static byte[] Container(MessageV1 message, params byte[][] files)
    {
        using var output = new MemoryStream();
        using (var writer = new SubmissionWriter(output, message, leaveOpen: true))
        {
            files.ToList().ForEach(f => writer.AddAttachment(new MemoryStream(f)));
            writer.Complete();
        }

        return output.ToArray();
    }

    public static byte[] FollowUp(string text) => Container(new MessageV1 { Text = text, Client = Client });

    public static byte[] Encrypt(byte[] plaintext, string recipient) => AgeEncryption.Encrypt(plaintext, [AgeKeys.ParseRecipient(recipient)]);

    public static byte[] Bundle(params BundleEntry[] items) => Bundle(BundleKind.Submissions, items);

    public static byte[] Bundle(BundleKind kind, params BundleEntry[] items)
    {
        var writer = new BundleWriter(kind, Day);
        foreach (BundleEntry item in items)
        {
            writer.Add(item.Id, item.Mailbox, item.Kind, item.Data.Length, () => new MemoryStream(item.Data));
        }

        using var output = new MemoryStream();
        writer.WriteTo(output);
        return output.ToArray();
    }

    public static string Sha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>A manifest item line, for hand-built bundles.</summary>
    public static string ItemJson(string id, string mailbox, long size, string sha256, string kind = "submission") =>
        $$"""{"id":"{{id}}","mailboxId":"{{mailbox}}","kind":"{{kind}}","size":{{size}},"sha256":"{{sha256}}"}""";

    public static string ManifestJson(params string[] items) =>
        $$"""{"v":1,"kind":"submissions","created":"2026-11-27","items":[{{string.Join(',', items)}}]}""";

    /// <summary>A hand-built bundle: manifest, the given raw entries, end-of-archive.</summary>
    public static byte[] RawBundle(string manifest, params byte[][] entries) =>
        [.. RawTar.Entry("manifest.json", Encoding.UTF8.GetBytes(manifest)), .. entries.SelectMany(e => e), .. RawTar.EndOfArchive()];
}

/// <summary>One item for <see cref="Fixtures.Bundle(BundleEntry[])"/>.</summary>
internal sealed record BundleEntry(string Id, string Mailbox, BundleItemKind Kind, byte[] Data)
{
    public static BundleEntry Submission(string mailbox, byte[] ciphertext) => new(BundleItem.NewId(), mailbox, BundleItemKind.Submission, ciphertext);

    public static BundleEntry Followup(string mailbox, byte[] ciphertext) => new(BundleItem.NewId(), mailbox, BundleItemKind.Followup, ciphertext);
}
