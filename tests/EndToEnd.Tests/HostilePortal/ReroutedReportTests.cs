using System.Text.Json;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Codenames;

namespace WhistleSubmit.EndToEnd.Tests.HostilePortal;

/// <summary>
/// Issue 13, attack 1(b): the compromised portal files source B's genuine report under source A's mailbox, so that
/// replies about B's report would be encrypted to A. The console must keep B's report in a case of its own, flag the
/// rerouting, and address replies about it to B's proven mailbox and reply key (P1, P2).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ReroutedReportTests
{
    [Test]
    public async Task Import_ReportOfBFiledUnderA_StaysBsCaseAndRepliesGoToB()
    {
        using HostilePortalRig rig = await HostilePortalRig.StartAsync();
        using var sourceA = new NoJsSource(rig.Address);
        using var sourceB = new NoJsSource(rig.Address);
        (_, string reportA) = await sourceA.SubmitReportAsync("Report of source A about the east gate.");
        (string codenameB, string reportB) = await sourceB.SubmitReportAsync("Report of source B about the detention wing.");
        List<TamperedItem> items = HostilePortalRig.Read(rig.Export());
        string mailboxA = items.Single(i => i.Id == reportA).MailboxId;
        string mailboxB = items.Single(i => i.Id == reportB).MailboxId;

        // The attack: the manifest files B's item under A's mailbox.
        string output = rig.Import(rig.Write(items.Select(i => i.Id == reportB ? i with { MailboxId = mailboxA } : i)));

        JsonElement caseB = rig.CaseOfItem(reportB);
        JsonElement caseA = rig.CaseOfItem(reportA);
        Assert.That(caseB.GetProperty("fullId").GetString(), Is.Not.EqualTo(caseA.GetProperty("fullId").GetString()), "B's report is not in A's case");
        Assert.That(caseB.GetProperty("mailboxId").GetString(), Is.EqualTo(mailboxB), "B's case answers to B's own mailbox");
        Assert.That(ForgedFollowupTests.Flags(caseB, reportB), Is.EqualTo(new[] { ("routed", mailboxA) }));
        Assert.That(output, Does.Contain("ROUTED UNDER ANOTHER MAILBOX"));

        // A reply about B's report goes to B's mailbox, encrypted to B's reply key.
        string caseId = caseB.GetProperty("fullId").GetString()!;
        rig.Review("reply", caseId[..8], "--text", "Thank you, B.");
        string replies = Path.Combine(rig.Root, "replies.wsbundle");
        rig.Review("export-replies", "--out", replies);
        TamperedItem reply = HostilePortalRig.Read(replies).Single();
        Assert.That(reply.MailboxId, Is.EqualTo(mailboxB));
        using SourceKeys keysB = SourceKeys.Derive(codenameB);
        Assert.That(AgeEncryption.Decrypt(reply.Ciphertext, [keysB.ReplyIdentity]), Is.Not.Empty, "B's reply identity opens it");
    }
}
