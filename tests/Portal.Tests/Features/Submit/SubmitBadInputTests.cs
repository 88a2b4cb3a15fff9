using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WhistleSubmit.Portal.Store;
using static WhistleSubmit.Portal.Tests.Features.Submit.NoJsFormClient;

namespace WhistleSubmit.Portal.Tests.Features.Submit;

/// <summary>Invariant 4 for the no-JS form: every bad post gets a clear error page and leaves the store (and spool) as it was.</summary>
public class SubmitBadInputTests
{
    private PortalFactory factory = null!;
    private Uri baseAddress = null!;
    private HttpClient http = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new PortalFactory(new Dictionary<string, string>
        {
            ["Portal:NoJs:FormTokenMinAgeSeconds"] = "1",
            ["Portal:NoJs:MaxTotalBytes"] = "200000",
            ["Portal:NoJs:MaxFileBytes"] = "150000",
            ["Portal:NoJs:MaxFiles"] = "2",
        });
        baseAddress = factory.Start();
        http = factory.CreatePlainClient(baseAddress);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        http.Dispose();
        factory.Dispose();
    }

    [Test]
    public async Task Post_ValidForm_StoresOneSubmissionAndShowsCodename()
    {
        var form = await ReadyFormAsync();
        var before = Snapshot();

        var (status, html) = await form.PostAsync(Body([.. form.Tokens(), Field("description", "It happened.")]));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("Your codename").And.Contain("id=\"receipt\""));
        Assert.That(Snapshot().Submissions, Is.EqualTo(before.Submissions + 1));
        Assert.That(Snapshot().Mailboxes, Is.EqualTo(before.Mailboxes + 1));
    }

    [Test]
    public async Task Post_ValidForm_IsOneDurableWrite()
    {
        // A small report is one chunk: the item and its mailbox go to disk in that one transaction, and nothing after.
        var form = await ReadyFormAsync();
        var store = factory.Services.GetRequiredService<PortalDatabase>();
        long before = store.Writes;

        var (status, _) = await form.PostAsync(Body([.. form.Tokens(), Field("description", "Once is enough.")]));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(store.Writes - before, Is.EqualTo(1));
    }

    [Test]
    public async Task Post_SameTicketTwice_SecondRefusedAsReused()
    {
        var form = await ReadyFormAsync();
        await form.PostAsync(Body([.. form.Tokens(), Field("description", "First.")]));
        var before = Snapshot();

        var (status, html) = await form.PostAsync(Body([.. form.Tokens(), Field("description", "Second.")]));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(html, Does.Contain("already sent once"));
        AssertUnchanged(before);
    }

    [Test]
    public async Task Post_WithoutTicket_Refused()
    {
        var form = await ReadyFormAsync();
        var before = Snapshot();

        var (status, html) = await form.PostAsync(Body([.. form.Tokens(withTicket: false), Field("description", "No ticket.")]));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(html, Does.Contain("safety check failed"));
        AssertUnchanged(before);
    }

    [Test]
    public async Task Post_ForgedTicket_Refused()
    {
        var form = await ReadyFormAsync();
        var before = Snapshot();

        var (status, _) = await form.PostAsync(Body(
            [form.Tokens().First(), Field("formToken", "AAAA" + form.FormToken[4..]), Field("description", "Forged.")]));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        AssertUnchanged(before);
    }

    [Test]
    public async Task Post_WithoutAntiforgeryCookie_Refused()
    {
        var form = await ReadyFormAsync();
        var stranger = new NoJsFormClient(http);
        await stranger.LoadAsync();
        var before = Snapshot();

        // The other visitor's cookie with this page's token: antiforgery must refuse the pair.
        form.Cookie = stranger.Cookie;
        var (status, _) = await form.PostAsync(Body([.. form.Tokens(), Field("description", "x")]));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        AssertUnchanged(before);
    }

    [Test]
    public async Task Post_ImmediatelyAfterLoading_RefusedAsTooSoon()
    {
        var form = new NoJsFormClient(http);
        await form.LoadAsync();
        var before = Snapshot();

        var (status, html) = await form.PostAsync(Body([.. form.Tokens(), Field("description", "Fast.")]));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(html, Does.Contain("within seconds of loading"));
        AssertUnchanged(before);
    }

    [TestCase("this is not multipart at all", Description = "no boundary lines")]
    [TestCase("--" + Boundary + "\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\nabc", Description = "ends inside the first part")]
    public async Task Post_MalformedMultipart_Refused(string raw)
    {
        var form = await ReadyFormAsync();
        var before = Snapshot();

        var (status, html) = await form.PostAsync(Encoding.UTF8.GetBytes(raw));

        Assert.That((int)status, Is.InRange(400, 403));
        Assert.That(html, Does.Contain("Nothing was stored"));
        AssertUnchanged(before);
    }

    [Test]
    public async Task Post_NotMultipart_Refused()
    {
        var form = await ReadyFormAsync();
        var before = Snapshot();

        var (status, _) = await form.PostAsync("description=x"u8.ToArray(), contentType: "application/x-www-form-urlencoded");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        AssertUnchanged(before);
    }

    [Test]
    public async Task Post_FileOverLimit_RefusedWhileReading()
    {
        var form = await ReadyFormAsync();
        var before = Snapshot();

        var (status, html) = await form.PostAsync(Body(
            [.. form.Tokens(), Field("description", "Big."), ("files", "big.bin", new byte[150_001])]));

        Assert.That(status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(html, Does.Contain("larger than this form accepts"));
        AssertUnchanged(before);
    }

    [Test]
    public async Task Post_TooManyFiles_Refused()
    {
        var form = await ReadyFormAsync();
        var before = Snapshot();

        var (status, _) = await form.PostAsync(Body(
            [.. form.Tokens(), Field("description", "Many."), ("files", "a", [1]), ("files", "b", [2]), ("files", "c", [3])]));

        Assert.That(status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        AssertUnchanged(before);
    }

    [Test]
    public async Task Post_DeclaredLengthOverLimit_RefusedBeforeReading()
    {
        var form = await ReadyFormAsync();
        var before = Snapshot();
        // A declared length beyond the limit is answered from the headers alone.
        string response = await SendDeclaringAsync(form.Cookie, declaredLength: 1L << 40, sent: ReadOnlyMemory<byte>.Empty, stop: false);

        Assert.That(response, Does.StartWith("HTTP/1.1 413"));
        AssertUnchanged(before);
    }

    [Test]
    public async Task Post_BodyStopsHalfWay_RefusedAndNothingStored()
    {
        var form = await ReadyFormAsync();
        var before = Snapshot();
        byte[] whole = Body([.. form.Tokens(), Field("description", "Cut."), ("files", "cut.bin", new byte[100_000])]);

        string response = await SendDeclaringAsync(form.Cookie, whole.Length, whole.AsMemory(0, whole.Length / 2));

        Assert.That(response, Does.StartWith("HTTP/1.1 400").Or.Empty);
        AssertUnchanged(before);
    }

    [Test]
    public async Task Post_MissingDescription_FormShownAgainWithErrorSummary()
    {
        var form = await ReadyFormAsync();
        var before = Snapshot();

        var (status, html) = await form.PostAsync(Body([.. form.Tokens(), Field("where.place", "Kept answer"), Field("description", "  ")]));

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(html, Does.Contain("class=\"error-summary\"").And.Contain("href=\"#description\"").And.Contain("Kept answer"));
        AssertUnchanged(before);
    }

    private async Task<NoJsFormClient> ReadyFormAsync()
    {
        var form = new NoJsFormClient(http);
        await form.LoadAsync();
        await Task.Delay(1100);
        return form;
    }

    /// <summary>Sends a request over a raw socket that declares one length and sends fewer bytes, then closes its side.</summary>
    /// <remarks>With <paramref name="stop"/> false the connection stays open and only the status line is read.</remarks>
    private async Task<string> SendDeclaringAsync(string cookie, long declaredLength, ReadOnlyMemory<byte> sent, bool stop = true)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port);
        var stream = client.GetStream();
        string head = $"POST /en/submit HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nCookie: {cookie}\r\n" +
            $"Content-Type: multipart/form-data; boundary={Boundary}\r\nContent-Length: {declaredLength}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(sent);
        await stream.FlushAsync();
        using var reader = new StreamReader(stream);
        if (!stop)
        {
            return await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) ?? string.Empty;
        }

        client.Client.Shutdown(SocketShutdown.Send);
        try
        {
            return await reader.ReadToEndAsync();
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private StoreStatus Snapshot() => factory.Services.GetRequiredService<TransferStore>().Status();

    private void AssertUnchanged(StoreStatus before)
    {
        var after = Snapshot();
        Assert.That((after.Submissions, after.Followups, after.Mailboxes, after.StoredBytes),
            Is.EqualTo((before.Submissions, before.Followups, before.Mailboxes, before.StoredBytes)));
        string spool = Path.Combine(factory.DataDirectory, "spool");
        Assert.That(Directory.Exists(spool) ? Directory.GetFiles(spool) : [], Is.Empty, "spooled files must be deleted");
    }
}
