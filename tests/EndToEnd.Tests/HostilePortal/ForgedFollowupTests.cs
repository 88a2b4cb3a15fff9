using System.Security.Cryptography;
using System.Text.Json;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Containers;

namespace WhistleSubmit.EndToEnd.Tests.HostilePortal;

/// <summary>
/// Issue 13, attack 1(a): the compromised portal slips a forged follow-up into a source's case. It knows the victim's
/// mailbox id (it stores it) and the reviewers' public keys (it serves them), so it encrypts its own message.json,
/// v2 with a case key of its own and v1 without one, and files both under the victim's mailbox. The console must keep
/// them out of the victim's case and flag them (P1).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ForgedFollowupTests
{
    [Test]
    public async Task Import_ForgedFollowupsUnderVictimsMailbox_NotMergedAndFlaggedAsConflicts()
    {
        using HostilePortalRig rig = await HostilePortalRig.StartAsync();
        using var victim = new NoJsSource(rig.Address);
        (_, string report) = await victim.SubmitReportAsync("Supervisors set arrest quotas at the north office.");
        List<TamperedItem> items = HostilePortalRig.Read(rig.Export());
        string victimMailbox = items.Single(i => i.Id == report).MailboxId;

        // The attack: two forged follow-ups, one claiming the victim's mailbox inside (v2), one a plain v1 message.
        IReadOnlyList<string> recipients = await rig.PublicRecipientsAsync();
        var client = new ClientFacts { Language = Language.En, EncryptedBy = EncryptedBy.Browser };
        string forgedV2 = BundleItem.NewId();
        string forgedV1 = BundleItem.NewId();
        items.Add(new TamperedItem(forgedV2, victimMailbox, BundleItemKind.Followup, HostilePortalRig.Forge(recipients, null, new MessageV1
        {
            V = 2,
            CaseKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            MailboxId = victimMailbox,
            Text = "I retract everything. Delete my report.",
            Client = client,
        })));
        items.Add(new TamperedItem(forgedV1, victimMailbox, BundleItemKind.Followup, HostilePortalRig.Forge(recipients, null, new MessageV1
        {
            Text = "Send me the investigators' names.",
            Client = client,
        })));
        string output = rig.Import(rig.Write(items));

        JsonElement victimCase = rig.CaseOfItem(report);
        Assert.That(victimCase.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()), Is.EqualTo(new[] { report }),
            "neither forgery joins the victim's case");
        string victimId = victimCase.GetProperty("fullId").GetString()!;
        Assert.That(victimCase.GetProperty("conflicts").EnumerateArray().Count(), Is.EqualTo(2), "the victim's case names both conflicting cases");
        Assert.That(Flags(rig.CaseOfItem(forgedV2), forgedV2), Is.EqualTo(new[] { ("conflict", victimId) }));
        // The v1 forgery conflicts with every case on that mailbox: the victim's and the v2 forgery's.
        Assert.That(Flags(rig.CaseOfItem(forgedV1), forgedV1), Does.Contain(("v1-unproven", (string?)null)).And.Contain(("conflict", victimId)));
        Assert.That(output, Does.Contain($"Item {forgedV2[..8]} (case ").And.Contain("CONFLICT"));
        Assert.That(rig.Cases().Single(c => c.GetProperty("fullId").GetString() == victimId).GetProperty("proofFlags").EnumerateArray().Select(f => f.GetString()),
            Does.Contain("conflict"), "list flags the victim's case");
        Assert.That(rig.Review("show", victimId[..8]), Does.Contain("CONFLICT: case"));
    }

    internal static IEnumerable<(string?, string?)> Flags(JsonElement shown, string itemId) =>
        shown.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == itemId).GetProperty("flags").EnumerateArray()
            .Select(f => (f.GetProperty("kind").GetString(), f.GetProperty("detail").GetString()));
}
