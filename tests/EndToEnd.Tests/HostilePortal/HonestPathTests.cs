using System.Text.Json;
using Microsoft.Playwright;

namespace WhistleSubmit.EndToEnd.Tests.HostilePortal;

/// <summary>
/// The honest path under protocol v2: a report and a follow-up from the same codename, through an untampered portal,
/// land in one case, proven, with no case-proof flag; on the no-JavaScript path (server-side sealing) and on the
/// JavaScript path in Chromium (the browser derives the case key and the server never sees it).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class HonestPathTests
{
    [Test]
    public async Task Import_NoJsReportAndFollowupFromOneCodename_OneProvenCaseWithoutFlags()
    {
        using HostilePortalRig rig = await HostilePortalRig.StartAsync();
        using var source = new NoJsSource(rig.Address);
        (string codename, string report) = await source.SubmitReportAsync("The night shift falsified the intake records.");
        string followup = await source.SendFollowupAsync(codename, "The records for March are in the blue binder.");

        string output = rig.Import(rig.Export());

        AssertOneProvenCase(rig, output, report, followup);
    }

    [Test]
    public async Task Import_BrowserReportAndFollowupFromOneCodename_OneProvenCaseWithoutFlags()
    {
        using HostilePortalRig rig = await HostilePortalRig.StartAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                await using IBrowserContext context = await browser.NewContextAsync();
                IPage page = await context.NewPageAsync();
                await page.GotoAsync(new Uri(rig.Address, "en/submit").ToString());
                Assert.That(await page.GetAttributeAsync("#encryption-path", "data-path"), Is.EqualTo("browser"), "the JavaScript path");
                await page.FillAsync("textarea[name='description']", "Agents used force on a restrained detainee.");
                await page.ClickAsync("#report-form button[type=submit]");
                await page.Locator(".js-submitted").WaitForAsync(new() { Timeout = 120_000 });
                string codename = (await page.Locator(".js-submitted .codename").InnerTextAsync()).Trim();
                string report = (await page.Locator(".js-submitted .receipt").InnerTextAsync()).Trim();

                IPage mailbox = await context.NewPageAsync();
                await mailbox.GotoAsync(new Uri(rig.Address, "en/mailbox").ToString());
                await mailbox.FillAsync("#codename", codename);
                await mailbox.ClickAsync("#mailbox-form button[type=submit]");
                await mailbox.Locator(".js-followup").WaitForAsync(new() { Timeout = 60_000 });
                await mailbox.FillAsync("#js-followup-text", "It happened again on Tuesday.");
                await mailbox.ClickAsync(".js-followup button[type=submit]");
                await mailbox.Locator(".js-sent").WaitForAsync(new() { Timeout = 120_000 });
                string followup = (await mailbox.Locator(".js-sent .receipt").InnerTextAsync()).Trim();

                string output = rig.Import(rig.Export());

                AssertOneProvenCase(rig, output, report, followup);
            }
        }
    }

    private static void AssertOneProvenCase(HostilePortalRig rig, string importOutput, string report, string followup)
    {
        JsonElement shown = rig.CaseOfItem(report);
        Assert.That(shown.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()), Is.EquivalentTo(new[] { report, followup }));
        Assert.That(shown.GetProperty("caseProof").GetString(), Has.Length.EqualTo(64), "grouped by the codename's proof, not v1");
        Assert.That(shown.GetProperty("conflicts").EnumerateArray(), Is.Empty);
        Assert.That(shown.GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("flags").EnumerateArray()), Is.Empty);
        Assert.That(rig.Cases().Single().GetProperty("proofFlags").EnumerateArray(), Is.Empty);
        Assert.That(importOutput, Does.Not.Contain("CONFLICT").And.Not.Contain("ROUTED").And.Not.Contain("v1"));
    }
}
