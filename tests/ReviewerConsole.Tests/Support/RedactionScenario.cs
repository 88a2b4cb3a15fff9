using System.Text;
using System.Text.Json;
using WhistleSubmit.Crypto.Containers;

namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>
/// One case whose texts carry planted strings in every place a packet shows data: the description (in several
/// variants of case, accents and invisible characters), the evidence, outcome, retaliation and place fields, a
/// follow-up, attachment names, a withheld attachment's contents and metadata, a note, a reply and the assignee. The
/// case's attachments are exported once, so its history names them and their hash prefixes too.
/// </summary>
internal sealed class RedactionScenario : IDisposable
{
    public const string Name = "Zeferino Quintanilla-Ubaldo";
    public const string NameCore = "Quintanilla";
    public const string Evidence = "PLANTED-EVID-4471";
    public const string Place = "PLANTEDPLACE-C7";
    public const string AttachmentName = "PLANTED-ATTNAME";
    public const string PdfMetadata = "PLANTED-PDFMETA";
    public const string Outcome = "PLANTED-OUTCOME-88";
    public const string Retaliation = "PLANTED<&\"'>RET";

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes($"%PDF-1.7\n1 0 obj << /Author ({PdfMetadata}) /Title ({Name}) >> endobj\n%%EOF\n");
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 9, 9, 9, 9];

    public RedactionScenario()
    {
        Vault = TestVault.WithKey();
        string recipient = ImportedScenario.RecipientOf(Vault);
        string mailbox = Fixtures.NewMailbox();
        Description = $"Officer {Name} struck him. Later ZEFERINO QUINTANILLA-UBALDO denied it; Zeferíno Quintanilla-Ubaldo and "
            + $"Zefe\u200Brino Quintanilla-Ubaldo are the same man. Nothing else here is secret.";
        EvidenceText = $"Footage on camera 12; badge {Evidence} was logged.";
        OutcomeText = $"Told by {Outcome} to drop it.";
        var report = new ReportV1
        {
            Description = Description,
            Evidence = EvidenceText,
            Retaliation = $"Moved shifts after {Retaliation} found out.",
            InternalReporting = new InternalReporting { Reported = Answer.Yes, Outcome = OutcomeText },
            Where = new IncidentWhere { State = "TX", Place = $"Dorm {Place}, Dilley" },
            Categories = [Category.UnlawfulForce],
            Attachments = [new AttachmentInfo { Name = $"{AttachmentName} memo.pdf", Size = Pdf.Length }, new AttachmentInfo { Name = $"{Name} statement.png", Size = Png.Length }],
            ReplyRecipient = WhistleSubmit.Crypto.Age.MlKem768X25519Identity.Generate().Recipient.ToString(),
            Client = Fixtures.Client,
        };
        Message = $"One more thing: {Evidence.ToLowerInvariant()} is on the roster too.";
        Vault.Succeed("import", Vault.Directory.Write("planted.wsbundle", Fixtures.Bundle(
            BundleEntry.Submission(mailbox, Fixtures.Encrypt(Fixtures.Container(report, Pdf, Png), recipient)),
            BundleEntry.Followup(mailbox, Fixtures.Encrypt(Fixtures.FollowUp(Message), recipient)))));
        Id = CaseLookup.Only(Vault);
        Vault.Succeed("note", Id, $"Call {Name} back about the roster.");
        Vault.Succeed("triage", Id, "--assign", Name.ToLowerInvariant());
        Vault.Succeed("reply", Id, "--text", $"Thank you. Is {Name.ToUpperInvariant()} a witness?");
        Vault.Succeed("files", Id, "--export", Vault.Directory.File("files"));
        using JsonDocument show = JsonDocument.Parse(Vault.Succeed("show", Id, "--json").StdoutText);
        Items = [.. show.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
        PlaintextHashes = [.. show.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("plaintext").GetProperty("sha256").GetString()!)];
    }

    public TestVault Vault { get; }

    public string Id { get; }

    public string Description { get; }

    public string EvidenceText { get; }

    public string OutcomeText { get; }

    public string Message { get; }

    /// <summary>The report's and the follow-up's item ids, in that order.</summary>
    public IReadOnlyList<string> Items { get; }

    public IReadOnlyList<string> PlaintextHashes { get; }

    public void Dispose() => Vault.Dispose();
}
