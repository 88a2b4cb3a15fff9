using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Portal.Store;
using WhistleSubmit.Portal.Tests.Store;
using WhistleSubmit.Portal.Tests.Browser;

namespace WhistleSubmit.Portal.Tests.Features.Submit;

/// <summary>
/// The report form end to end in Chromium with JavaScript disabled (Tor Browser "Safest"): invariant 1 (nothing
/// readable on disk) and an exact round trip through the server-side encryption.
/// </summary>
public class SubmitBrowserTests
{
    private const string ReportCanary = "CANARY-report-5f1c2a";
    private const string FileCanaryA = "CANARY-file-a-93be07";
    private const string FileCanaryB = "CANARY-file-b-d41766";

    private PortalFactory factory = null!;
    private Uri baseAddress = null!;
    private string tempDirectory = null!;

    [OneTimeSetUp]
    public void Start()
    {
        // Where ASP.NET would buffer request bodies if anything made it: scanned below like the data directory.
        tempDirectory = Directory.CreateTempSubdirectory("whistle-portal-aspnet-temp-").FullName;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEMP", tempDirectory);
        factory = new PortalFactory(new Dictionary<string, string> { ["Portal:NoJs:FormTokenMinAgeSeconds"] = "1" });
        baseAddress = factory.Start();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        factory.Dispose();
        Directory.Delete(tempDirectory, recursive: true);
    }

    [Test]
    public async Task NoJsForm_ReportWithTwoAttachments_StoredEncryptedAndDecryptsToExactlyWhatWasSent()
    {
        byte[] fileA = Attachment(300_000, FileCanaryA);
        byte[] fileB = Attachment(70_000, FileCanaryB);
        string description = $"Line one {ReportCanary}\nLine two, ñ and “quotes”.";
        await using var context = await NoJsBrowser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, "/en/submit").ToString());

        await page.CheckAsync("#relationship-current-staff");
        await page.CheckAsync("#component-ero");
        await page.CheckAsync("#categories-unlawful-force");
        await page.CheckAsync("#categories-arrest-quotas");
        await page.FillAsync("#when-from", "2025-03-14");
        await page.FillAsync("#when-to", "2025-03-16");
        await page.FillAsync("#where-state", "tx");
        await page.FillAsync("#where-place", $"Houston {ReportCanary}");
        await page.FillAsync("#peopleAffected-count", "12");
        await page.CheckAsync("#peopleAffected-citizensOrResidents-yes");
        await page.CheckAsync("#harm-force-yes");
        await page.FillAsync("#harm-injuries", "3");
        await page.FillAsync("#harm-deaths", "0");
        await page.FillAsync("#evidence", "Body camera footage");
        await page.CheckAsync("#internalReporting-reported-yes");
        await page.CheckAsync("#internalReporting-channels-oig");
        await page.FillAsync("#internalReporting-outcome", "Nothing happened");
        await page.FillAsync("#retaliation", "Moved to nights");
        await page.FillAsync("#description", description);
        await page.SetInputFilesAsync("#files", new[]
        {
            new FilePayload { Name = "photo one.jpg", MimeType = "image/jpeg", Buffer = fileA },
            new FilePayload { Name = "memo.pdf", MimeType = "application/pdf", Buffer = fileB },
        });
        await Task.Delay(1100);
        var response = await NoJsBrowser.SubmitAsync(page);

        Assert.That(response.Status, Is.EqualTo(200));
        string codename = await page.InnerTextAsync("#codename");
        string receipt = await page.InnerTextAsync("#receipt");
        Assert.That(codename.Split(' '), Has.Length.EqualTo(8));
        Assert.That(await page.InnerTextAsync("main"), Does.Contain("the server encrypted your report"));
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/en/submit"), "the codename is in the POST response, not behind a redirect");
        Assert.That(response.Headers["cache-control"], Is.EqualTo("no-store"));

        string[] secrets = [ReportCanary, FileCanaryA, FileCanaryB, codename];
        Assert.That(DataDirectoryCanaries.FilesContaining(factory.DataDirectory, secrets), Is.Empty);
        Assert.That(DataDirectoryCanaries.FilesContaining(tempDirectory, secrets), Is.Empty);
        Assert.That(Directory.GetFiles(Path.Combine(factory.DataDirectory, "spool")), Is.Empty);

        var store = factory.Services.GetRequiredService<PortalDatabase>();
        var item = store.Transfer().ListUnexported().Single(i => i.Id == receipt);
        using var keys = SourceKeys.Derive(codename);
        Assert.That((item.Kind, item.MailboxId), Is.EqualTo((ItemKind.Submission, keys.MailboxId)));
        Assert.That(store.MailboxExists(keys.MailboxId), Is.True);

        var (contents, files) = StoredSubmission.Open(store, receipt, factory.DataDirectory);
        var report = contents.Report!;
        Assert.That(report.Description, Is.EqualTo(description));
        Assert.That(report.Relationship, Is.EqualTo(Relationship.CurrentStaff));
        Assert.That(report.Component, Is.EqualTo(Component.Ero));
        Assert.That(report.Categories, Is.EqualTo(new[] { Category.UnlawfulForce, Category.ArrestQuotas }));
        Assert.That(report.When, Is.EqualTo(new IncidentWhen { From = new DateOnly(2025, 3, 14), To = new DateOnly(2025, 3, 16) }));
        Assert.That(report.Where, Is.EqualTo(new IncidentWhere { State = "TX", Place = $"Houston {ReportCanary}" }));
        Assert.That(report.PeopleAffected, Is.EqualTo(new PeopleAffected { Count = 12, CitizensOrResidents = Answer.Yes }));
        Assert.That(report.Harm, Is.EqualTo(new Harm { Force = Answer.Yes, Injuries = 3, Deaths = 0 }));
        Assert.That(report.Evidence, Is.EqualTo("Body camera footage"));
        Assert.That(report.InternalReporting!.Reported, Is.EqualTo(Answer.Yes));
        Assert.That(report.InternalReporting.Channels, Is.EqualTo(new[] { ReportingChannel.Oig }));
        Assert.That(report.InternalReporting.Outcome, Is.EqualTo("Nothing happened"));
        Assert.That(report.Retaliation, Is.EqualTo("Moved to nights"));
        Assert.That(report.ReplyRecipient, Is.EqualTo(keys.ReplyRecipient.ToString()));
        Assert.That((report.V, report.CaseKey, report.MailboxId), Is.EqualTo((3, Convert.ToHexStringLower(keys.CaseKey), keys.MailboxId)),
            "v3: the codename's case key and mailbox id, derived in memory");
        Assert.That(report.Attachments.Select(a => a.Copy), Is.All.EqualTo(AttachmentCopy.Original), "the no-JS path cleans nothing");
        Assert.That(report.Client, Is.EqualTo(new ClientFacts { Language = Language.En, EncryptedBy = EncryptedBy.Server }));
        Assert.That(report.Attachments.Select(a => (a.Name, a.Size)), Is.EqualTo(new[] { ("photo one.jpg", 300_000L), ("memo.pdf", 70_000L) }));
        Assert.That(files, Has.Count.EqualTo(2));
        Assert.That(files[0], Is.EqualTo(fileA));
        Assert.That(files[1], Is.EqualTo(fileB));
    }

    [TestCase("en", "Your report was received")]
    [TestCase("es", "Recibimos su denuncia")]
    public async Task ResultPage_EitherLanguage_ShowsCodenameOnceAndHasNoAxeViolations(string lang, string title)
    {
        await using var context = await NoJsBrowser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, $"/{lang}/submit").ToString());
        await page.FillAsync("#description", "Axe check.");
        await Task.Delay(1100);
        await NoJsBrowser.SubmitAsync(page);

        Assert.That(await page.InnerTextAsync("h1"), Is.EqualTo(title), await page.InnerTextAsync("main"));
        Assert.That(await page.Locator(".codename").CountAsync(), Is.EqualTo(1));
        await AxeSnapshot.AssertNoViolationsAsync(page, baseAddress);
    }

    [TestCase("en", "Describe what happened")]
    [TestCase("es", "Describa lo que pasó")]
    public async Task ErrorSummary_EitherLanguage_LinksToFieldAndHasNoAxeViolations(string lang, string message)
    {
        await using var context = await NoJsBrowser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, $"/{lang}/submit").ToString());
        await Task.Delay(1100);
        await NoJsBrowser.SubmitAsync(page);

        Assert.That(await page.InnerTextAsync(".error-summary a[href='#description']"), Does.StartWith(message));
        Assert.That(await page.GetAttributeAsync("#description", "aria-invalid"), Is.EqualTo("true"));
        await AxeSnapshot.AssertNoViolationsAsync(page, baseAddress);
    }


    /// <summary>Random bytes with a canary in the middle, so a plaintext copy anywhere would be found.</summary>
    private static byte[] Attachment(int length, string canary)
    {
        byte[] data = new byte[length];
        new Random(length).NextBytes(data);
        Encoding.ASCII.GetBytes(canary).CopyTo(data, length / 2);
        return data;
    }
}
