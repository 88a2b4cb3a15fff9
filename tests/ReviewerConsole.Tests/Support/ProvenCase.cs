using System.Security.Cryptography;
using System.Text.Json;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Containers;

namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>A v2 case (proven by a case key) imported into a test vault, and what its source would send later.</summary>
internal sealed class ProvenCase : IDisposable
{
    private readonly TestVault vault;

    public ProvenCase(TestVault vault, string word)
    {
        this.vault = vault;
        Source = MlKem768X25519Identity.Generate();
        Mailbox = Fixtures.NewMailbox();
        CaseKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var report = Fixtures.Report($"A v2 report: {word}.", Source.Recipient.ToString()) with { V = 2, CaseKey = CaseKey, MailboxId = Mailbox };
        vault.Succeed("import", vault.Directory.Write($"{word}.wsbundle", Fixtures.Bundle(BundleEntry.Submission(Mailbox, Seal(Fixtures.Container(report))))));
        using JsonDocument list = JsonDocument.Parse(vault.Succeed("list", "--json", "--search", word).StdoutText);
        Id = list.RootElement.EnumerateArray().Single().GetProperty("id").GetString()!;
    }

    public MlKem768X25519Identity Source { get; }

    public string Mailbox { get; }

    public string CaseKey { get; }

    public string Id { get; }

    /// <summary>The source's consent answer, encrypted to the vault's key, imported as a follow-up.</summary>
    public void ImportConsent(string request, params (string Destination, string Answer)[] answers)
    {
        var consent = new ConsentAnswerV1
        {
            CaseKey = CaseKey,
            MailboxId = Mailbox,
            Request = request,
            Answers = [.. answers.Select(a => new ConsentChoice { Destination = a.Destination, Answer = a.Answer })],
            Client = Fixtures.Client,
        };
        using var output = new MemoryStream();
        using (var writer = new SubmissionWriter(output, consent, leaveOpen: true))
        {
            writer.Complete();
        }

        string name = $"consent-{Guid.NewGuid():N}.wsbundle";
        vault.Succeed("import", vault.Directory.Write(name, Fixtures.Bundle(BundleEntry.Followup(Mailbox, Seal(output.ToArray())))));
    }

    public void Dispose() => Source.Dispose();

    private byte[] Seal(byte[] plaintext) => AgeEncryption.Encrypt(plaintext, [AgeKeys.ParseRecipient(ImportedScenario.RecipientOf(vault))]);
}
