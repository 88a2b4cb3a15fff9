using System.Text;
using Microsoft.Playwright;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Portal.Tests.Browser;

namespace WhistleSubmit.Portal.Tests.Features.BrowserPath;

/// <summary>
/// The JavaScript path in Chromium against <see cref="FakeUploadApi"/>: the report and two attachments are encrypted in
/// the browser, only ciphertext reaches the server, and it decrypts with the demo identity (C# AgeEncryption +
/// SubmissionReader) to exactly what was submitted — also when a chunk's connection drops half-way.
/// </summary>
[NonParallelizable]
public class BrowserSubmissionTests
{
    private BrowserPathFactory factory = null!;
    private Uri baseAddress = null!;
    private string filesDirectory = null!;

    [SetUp]
    public void Start()
    {
        factory = new BrowserPathFactory();
        baseAddress = factory.Start();
        filesDirectory = Directory.CreateTempSubdirectory("whistle-browser-files-").FullName;
    }

    [TearDown]
    public void Stop()
    {
        factory.Dispose();
        Directory.Delete(filesDirectory, recursive: true);
    }

    [Test]
    public async Task Submit_TwoAttachments_StoresCiphertextThatDecryptsToTheSubmission()
    {
        var submitted = await SubmitAsync("en");

        Assert.That(factory.Api.Puts.Count, Is.GreaterThan(2), "the upload should span several chunks");
        AssertDecryptsToSubmission(submitted);
    }

    [Test]
    public async Task Submit_ChunkConnectionDropped_ResumesAndCompletes()
    {
        factory.Api.DropOnce[1] = true;

        var submitted = await SubmitAsync("es");

        Assert.That(factory.Api.Puts.Count(p => p.Index == 1), Is.EqualTo(2), "chunk 1 is sent again after the drop");
        AssertDecryptsToSubmission(submitted);
    }

    private sealed record Submitted(string Canary, string Codename, string Receipt, string Language, (string Name, byte[] Bytes)[] Files);

    private async Task<Submitted> SubmitAsync(string language)
    {
        string canary = "CANARY-" + Guid.NewGuid().ToString("N");
        (string Name, byte[] Bytes)[] files =
        [
            ("memo " + canary[..12] + ".txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(canary + " file one\n", 4000)))),
            ("photo.jpg", [.. Encoding.UTF8.GetBytes(canary), .. Enumerable.Range(0, 150_000).Select(i => unchecked((byte)(i * 31)))]),
        ];
        foreach (var (name, bytes) in files)
        {
            await File.WriteAllBytesAsync(Path.Combine(filesDirectory, name), bytes);
        }

        var browser = await Chromium.GetAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var cspErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("integrity", StringComparison.OrdinalIgnoreCase))
            {
                cspErrors.Add(message.Text);
            }
        };
        await page.GotoAsync(new Uri(baseAddress, $"fake/{language}/submit").ToString());
        await page.SelectOptionAsync("#relationship", "former-staff");
        await page.CheckAsync("input[value='arrest-quotas']");
        await page.FillAsync("#when-from", "2025-03-01");
        await page.FillAsync("#where-state", "tx");
        await page.FillAsync("#description", "What happened: " + canary);
        await page.SetInputFilesAsync("#files", files.Select(f => Path.Combine(filesDirectory, f.Name)));
        await page.ClickAsync("button[type=submit]");

        var panel = page.Locator(".js-submitted");
        await panel.WaitForAsync(new() { Timeout = 120_000 });
        string codename = (await page.Locator(".js-submitted .codename").InnerTextAsync()).Trim();
        string receipt = (await page.Locator(".js-submitted .receipt").InnerTextAsync()).Trim();
        Assert.That(cspErrors, Is.Empty);
        return new Submitted(canary, codename, receipt, language, files);
    }

    private void AssertDecryptsToSubmission(Submitted submitted)
    {
        string item = Path.Combine(factory.Api.ItemsDirectory(factory.DataDirectory), submitted.Receipt + ".age");
        Assert.That(File.Exists(item), Is.True);

        byte[] canary = Encoding.UTF8.GetBytes(submitted.Canary);
        var holding = Directory.EnumerateFiles(factory.DataDirectory, "*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllBytes(f).AsSpan().IndexOf(canary) >= 0);
        Assert.That(holding, Is.Empty, "plaintext reached the server's data directory");

        using var identities = File.OpenText(factory.DemoIdentityFile);
        var identity = AgeKeys.ParseIdentitiesFile(identities);
        var received = new List<(string Entry, byte[] Bytes)>();
        SubmissionContents contents;
        using (var ciphertext = File.OpenRead(item))
        using (var plaintext = AgeEncryption.Decrypt(ciphertext, identity))
        {
            contents = SubmissionReader.Read(plaintext, (attachment, data) =>
            {
                using var copy = new MemoryStream();
                data.CopyTo(copy);
                received.Add((attachment.EntryName, copy.ToArray()));
            });
        }

        using var keys = SourceKeys.Derive(submitted.Codename);
        var report = contents.Report!;
        Assert.Multiple(() =>
        {
            Assert.That(submitted.Codename.Split(' '), Has.Length.EqualTo(8));
            Assert.That(report.Description, Is.EqualTo("What happened: " + submitted.Canary));
            Assert.That(report.Relationship, Is.EqualTo(Relationship.FormerStaff));
            Assert.That(report.Categories, Is.EqualTo(new[] { Category.ArrestQuotas }));
            Assert.That(report.When?.From, Is.EqualTo(new DateOnly(2025, 3, 1)));
            Assert.That(report.Where?.State, Is.EqualTo("TX"));
            Assert.That(report.Client.EncryptedBy, Is.EqualTo(EncryptedBy.Browser));
            Assert.That(report.Client.Language, Is.EqualTo(submitted.Language == "es" ? Language.Es : Language.En));
            Assert.That(report.ReplyRecipient, Is.EqualTo(keys.ReplyRecipient.ToString()));
            Assert.That(factory.Api.MailboxTokens.Values.Single(), Is.EqualTo(Convert.ToHexStringLower(keys.MailboxToken)));
            Assert.That(report.Attachments.Select(a => (a.Name, a.Size)), Is.EqualTo(submitted.Files.Select(f => (f.Name, (long)f.Bytes.Length))));
            Assert.That(received.Select(r => r.Entry), Is.EqualTo(new[] { "files/001-" + submitted.Files[0].Name, "files/002-photo.jpg" }));
            for (int i = 0; i < received.Count; i++)
            {
                Assert.That(received[i].Bytes, Is.EqualTo(submitted.Files[i].Bytes));
            }
        });
    }
}
