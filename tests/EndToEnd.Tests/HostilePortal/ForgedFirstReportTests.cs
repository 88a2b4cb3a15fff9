using System.Security.Cryptography;
using System.Text.Json;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Crypto.Containers;

namespace WhistleSubmit.EndToEnd.Tests.HostilePortal;

/// <summary>
/// Issue 13, attack 1(c): the compromised portal delivers a forged first report under a victim's mailbox carrying the
/// server's own reply key, ahead of the victim's genuine report, so that every reply in the case would be readable by
/// the server and the victim's key dropped. The console must not let it take over the victim's case or reply key (P1, P2).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ForgedFirstReportTests
{
    [Test]
    public async Task Import_ForgedFirstReportWithServersReplyKey_DoesNotTakeOverVictimsCaseOrKey()
    {
        using HostilePortalRig rig = await HostilePortalRig.StartAsync();
        using var victim = new NoJsSource(rig.Address);
        (string codename, string report) = await victim.SubmitReportAsync("Detainees were denied medical care for days.");
        List<TamperedItem> genuine = HostilePortalRig.Read(rig.Export());
        string victimMailbox = genuine.Single().MailboxId;

        // The attack: a forged report first, claiming the victim's mailbox, with a reply key the server holds.
        using var serverIdentity = MlKem768X25519Identity.FromSeed(RandomNumberGenerator.GetBytes(32));
        string forged = BundleItem.NewId();
        byte[] forgery = HostilePortalRig.Forge(await rig.PublicRecipientsAsync(), new ReportV1
        {
            V = 2,
            CaseKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            MailboxId = victimMailbox,
            Description = "Please reply with all the details you hold.",
            ReplyRecipient = serverIdentity.Recipient.ToString(),
            Client = new ClientFacts { Language = Language.En, EncryptedBy = EncryptedBy.Browser },
        }, null);
        string output = rig.Import(rig.Write([new TamperedItem(forged, victimMailbox, BundleItemKind.Submission, forgery), .. genuine]));

        using SourceKeys keys = SourceKeys.Derive(codename);
        JsonElement victimCase = rig.CaseOfItem(report);
        JsonElement forgedCase = rig.CaseOfItem(forged);
        Assert.That(victimCase.GetProperty("fullId").GetString(), Is.Not.EqualTo(forgedCase.GetProperty("fullId").GetString()), "not merged");
        Assert.That(victimCase.GetProperty("replyRecipientFingerprint").GetString(), Is.EqualTo(RecipientFingerprint.Compute(keys.ReplyRecipient.ToString())),
            "the victim's case keeps the victim's own reply key");
        Assert.That(ForgedFollowupTests.Flags(victimCase, report), Is.EqualTo(new[] { ("conflict", forgedCase.GetProperty("fullId").GetString()) }),
            "the genuine report, imported second, is flagged as conflicting with the forgery");
        Assert.That(forgedCase.GetProperty("conflicts").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { victimCase.GetProperty("fullId").GetString() }));
        Assert.That(output, Does.Contain("CONFLICT"));

        // A reply in the victim's case is encrypted to the victim, never to the server's key.
        rig.Review("reply", victimCase.GetProperty("id").GetString()!, "--text", "We received your report.");
        string replies = Path.Combine(rig.Root, "replies.wsbundle");
        rig.Review("export-replies", "--out", replies);
        TamperedItem reply = HostilePortalRig.Read(replies).Single();
        Assert.That(AgeEncryption.Decrypt(reply.Ciphertext, [keys.ReplyIdentity]), Is.Not.Empty);
        Assert.That(() => AgeEncryption.Decrypt(reply.Ciphertext, [serverIdentity]), Throws.InstanceOf<AgeException>());
    }
}
