using System.Text;
using System.Text.Json;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Containers;

namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>
/// The scenario behind the "imported" template: source A's report (two attachments whose names lie about their type)
/// and follow-up, source B's report that nearly duplicates A's description, source C's unrelated report with a
/// terminal escape sequence in it. Every text carries a canary string, so tests can look for plaintext in files.
/// </summary>
internal sealed class ImportedScenario
{
    public const string CanaryA = "CANARY-ALPHA-5f1c2e";
    public const string CanaryFollowup = "CANARY-FOLLOWUP-93ab7d";
    public const string CanaryC = "CANARY-CHARLIE-0d4e61";
    public const string Escape = "\u001b[31m";

    public static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8];
    public static readonly byte[] PdfBytes = Encoding.ASCII.GetBytes("%PDF-1.7\n% " + CanaryA + " attachment\n%%EOF\n");

    private const string Story =
        "On the night of the transfer officers at the processing center struck a restrained detainee several times while "
        + "he was handcuffed to a bench, then wrote in the log that he had resisted; two other detainees saw it happen and "
        + "the camera in the hallway was switched off for about an hour before the shift supervisor arrived to sign the forms";

    public ImportedScenario(string reviewerRecipient)
    {
        SourceA = MlKem768X25519Identity.Generate();
        SourceB = MlKem768X25519Identity.Generate();
        SourceC = MlKem768X25519Identity.Generate();
        MailboxA = Fixtures.NewMailbox();
        MailboxB = Fixtures.NewMailbox();
        MailboxC = Fixtures.NewMailbox();
        DescriptionA = Story + " " + CanaryA;
        DescriptionB = Story.Replace("several times", "many times", StringComparison.Ordinal) + " " + CanaryA;

        ReportA = Fixtures.Encrypt(Fixtures.Container(
            Fixtures.Report(DescriptionA, SourceA.Recipient.ToString(), ("notes.txt", PngBytes), ("../../etc/statement.pdf", PdfBytes)),
            PngBytes, PdfBytes), reviewerRecipient);
        FollowupA = Fixtures.Encrypt(Fixtures.FollowUp("More details: " + CanaryFollowup), reviewerRecipient);
        ReportB = Fixtures.Encrypt(Fixtures.Container(Fixtures.Report(DescriptionB, SourceB.Recipient.ToString())), reviewerRecipient);
        ReportC = Fixtures.Encrypt(Fixtures.Container(new ReportV1
        {
            Description = $"Supervisors {Escape}set arrest quotas{"\u001b[0m"} of twenty a day. {CanaryC}",
            Categories = [Category.ArrestQuotas],
            ReplyRecipient = SourceC.Recipient.ToString(),
            Client = Fixtures.Client,
        }), reviewerRecipient);
        Entries =
        [
            BundleEntry.Submission(MailboxA, ReportA),
            BundleEntry.Followup(MailboxA, FollowupA),
            BundleEntry.Submission(MailboxB, ReportB),
            BundleEntry.Submission(MailboxC, ReportC),
        ];
        Bundle = Fixtures.Bundle([.. Entries]);
    }

    public MlKem768X25519Identity SourceA { get; }

    public MlKem768X25519Identity SourceB { get; }

    public MlKem768X25519Identity SourceC { get; }

    public string MailboxA { get; }

    public string MailboxB { get; }

    public string MailboxC { get; }

    public string DescriptionA { get; }

    public string DescriptionB { get; }

    public byte[] ReportA { get; }

    public byte[] FollowupA { get; }

    public byte[] ReportB { get; }

    public byte[] ReportC { get; }

    public IReadOnlyList<BundleEntry> Entries { get; }

    public byte[] Bundle { get; }

    public static string RecipientOf(TestVault vault, string name = "alice")
    {
        CliResult keys = vault.Succeed("keys", "--json");
        using JsonDocument json = JsonDocument.Parse(keys.StdoutText);
        return json.RootElement.EnumerateArray().Single(k => k.GetProperty("name").GetString() == name).GetProperty("recipient").GetString()!;
    }
}
