using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Portal.Store;
using WhistleSubmit.Portal.Tests.Store;
using WhistleSubmit.Portal.Tests.Browser;

namespace WhistleSubmit.Portal.Tests.Features.BrowserPath;

/// <summary>
/// The hidden-metadata chooser (docs/PORTAL.md#hidden-metadata) on the real report page in Chromium, in both
/// languages: it lists what the committed samples hold, offers a cleaned copy by default, and what is stored decrypts
/// to the copies chosen, each recorded in report.json v3; the original is byte-identical when chosen.
/// </summary>
[NonParallelizable]
public class MetadataChooserBrowserTests
{
    private static readonly string Samples = Path.GetFullPath(Path.Combine(
        AppContext.BaseDirectory, "../../../../../src/Portal/ClientApp/test/fixtures/metadata"));

    private PortalFactory factory = null!;
    private Uri baseAddress = null!;
    private string filesDirectory = null!;

    [SetUp]
    public void Start()
    {
        factory = new PortalFactory(new Dictionary<string, string>
        {
            ["Portal:ProofOfWork:BaseBits"] = "8",
            ["Portal:ProofOfWork:MaxBits"] = "8",
        });
        baseAddress = factory.Start();
        filesDirectory = Directory.CreateTempSubdirectory("whistle-metadata-files-").FullName;
    }

    [TearDown]
    public void Stop()
    {
        factory.Dispose();
        Directory.Delete(filesDirectory, recursive: true);
    }

    [TestCase("en", "GPS", "A cleaned copy")]
    [TestCase("es", "GPS", "Una copia limpia")]
    public async Task Submit_SamplesWithPlantedMetadata_SendsTheChosenCopies(string language, string group, string cleanedLabel)
    {
        string note = Path.Combine(filesDirectory, "note.txt");
        await File.WriteAllTextAsync(note, "plain text, not checked");
        string[] paths = [Path.Combine(Samples, "photo.jpg"), Path.Combine(Samples, "document.docx"), note];
        await using var context = await (await Chromium.GetAsync()).NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, $"{language}/submit").ToString());
        await page.FillAsync("textarea[name='description']", "Files with hidden metadata.");

        await page.SetInputFilesAsync("#files", paths);
        await page.Locator(".js-metadata section.metadata-file").Nth(2).WaitForAsync(new() { Timeout = 60_000 });

        var sections = page.Locator(".js-metadata section.metadata-file");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await sections.Nth(0).GetAttributeAsync("data-status"), Is.EqualTo("found"));
            Assert.That(await sections.Nth(0).InnerTextAsync(), Does.Contain(group + ": ").And.Contain("PLANTED Owner").And.Contain(cleanedLabel));
            Assert.That(await sections.Nth(1).InnerTextAsync(), Does.Contain("PLANTED Company"));
            Assert.That(await sections.Nth(2).GetAttributeAsync("data-status"), Is.EqualTo("unchecked"));
            Assert.That(await page.IsCheckedAsync("#metadata-copy-0-cleaned"), Is.True, "the cleaned copy is the default");
        });
        await AssertAxeCleanAsync(page);

        await page.CheckAsync("#metadata-copy-1-both");
        await page.ClickAsync("#report-form button[type=submit]");
        await page.Locator(".js-submitted").WaitForAsync(new() { Timeout = 120_000 });

        var (report, files) = StoredSubmission();
        Assert.Multiple(() =>
        {
            Assert.That(report.V, Is.EqualTo(3));
            Assert.That(report.Attachments.Select(a => (a.Name, a.Copy)), Is.EqualTo(new (string, AttachmentCopy?)[]
            {
                ("photo.jpg", AttachmentCopy.Cleaned), ("document.docx", AttachmentCopy.Cleaned), ("document.docx", AttachmentCopy.Original), ("note.txt", AttachmentCopy.Original),
            }));
            Assert.That(files[0], Is.Not.EqualTo(File.ReadAllBytes(paths[0])));
            Assert.That(System.Text.Encoding.Latin1.GetString(files[0]), Does.Not.Contain("PLANTED"));
            Assert.That(files[1], Is.Not.EqualTo(File.ReadAllBytes(paths[1])), "the docx's cleaned copy");
            Assert.That(files[2], Is.EqualTo(File.ReadAllBytes(paths[1])), "the original is byte-identical");
            Assert.That(files[3], Is.EqualTo(File.ReadAllBytes(note)));
        });
    }

    private static async Task AssertAxeCleanAsync(IPage page)
    {
        var result = await page.RunAxe();
        var violations = result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}");
        Assert.That(violations, Is.Empty);
    }

    private (ReportV1 Report, List<byte[]> Files) StoredSubmission()
    {
        var store = factory.Services.GetRequiredService<PortalDatabase>();
        var item = store.Transfer().ListUnexported().Single();
        using var identities = File.OpenText(Path.Combine(factory.DataDirectory, "demo-reviewer-identity.txt"));
        var identity = AgeKeys.ParseIdentitiesFile(identities);
        using var ciphertext = store.Transfer().OpenCiphertext(item.Id);
        using var plaintext = AgeEncryption.Decrypt(ciphertext, identity);
        var files = new List<byte[]>();
        var contents = SubmissionReader.Read(plaintext, (_, data) =>
        {
            using var copy = new MemoryStream();
            data.CopyTo(copy);
            files.Add(copy.ToArray());
        });
        return (contents.Report!, files);
    }
}
