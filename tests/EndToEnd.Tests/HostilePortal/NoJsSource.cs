using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace WhistleSubmit.EndToEnd.Tests.HostilePortal;

/// <summary>
/// A source on the no-JavaScript path, over plain HTTP as a browser without scripts sends it: the report form (its
/// answer page holds the codename), the mailbox opened with the codename, and a follow-up from that page's form.
/// </summary>
internal sealed partial class NoJsSource(Uri address) : IDisposable
{
    private const string Boundary = "----WhistleSubmitHostileBoundary";
    private readonly HttpClient http = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };
    private string cookie = string.Empty;

    /// <summary>Submits a report; returns the codename and the receipt (the portal's item id).</summary>
    public async Task<(string Codename, string Receipt)> SubmitReportAsync(string description)
    {
        string page = await GetAsync("/en/submit");
        await Task.Delay(1200);
        string html = await PostMultipartAsync("/en/submit",
        [
            ("__RequestVerificationToken", Hidden(page, "__RequestVerificationToken")),
            ("formToken", Hidden(page, "formToken")),
            ("description", description),
        ]);
        return (WebUtility.HtmlDecode(CodenameText().Match(html).Groups[1].Value).Trim(), Receipt(html));
    }

    /// <summary>Opens the mailbox with the codename and sends a follow-up from it; returns the receipt.</summary>
    public async Task<string> SendFollowupAsync(string codename, string text)
    {
        string page = await GetAsync("/en/mailbox");
        using var open = new HttpRequestMessage(HttpMethod.Post, "/en/mailbox/open")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", Hidden(page, "__RequestVerificationToken")), new("codename", codename)]),
        };
        string mailbox = await SendAsync(open);
        await Task.Delay(1200);
        string html = await PostMultipartAsync("/en/mailbox/followup",
        [
            ("__RequestVerificationToken", Hidden(mailbox, "__RequestVerificationToken")),
            ("formToken", Hidden(mailbox, "formToken")),
            ("mailboxToken", Hidden(mailbox, "mailboxToken")),
            ("caseKey", Hidden(mailbox, "caseKey")),
            ("text", text),
        ]);
        return Receipt(html);
    }

    public void Dispose() => http.Dispose();

    private async Task<string> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request);
    }

    private async Task<string> PostMultipartAsync(string path, IEnumerable<(string Name, string Value)> fields)
    {
        var body = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            body.Append($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }

        body.Append($"--{Boundary}--\r\n");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToString())) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        return await SendAsync(request);
    }

    private async Task<string> SendAsync(HttpRequestMessage request)
    {
        if (cookie.Length > 0)
        {
            request.Headers.Add("Cookie", cookie);
        }

        using HttpResponseMessage response = await http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out IEnumerable<string>? set))
        {
            var jar = cookie.Split("; ", StringSplitOptions.RemoveEmptyEntries).ToDictionary(c => c.Split('=')[0], c => c);
            foreach (string c in set.Select(c => c.Split(';')[0]))
            {
                jar[c.Split('=')[0]] = c;
            }

            cookie = string.Join("; ", jar.Values);
        }

        string html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{request.Method} {request.RequestUri}: {html[..Math.Min(html.Length, 2000)]}");
        return html;
    }

    private static string Hidden(string html, string name)
    {
        Match m = Regex.Match(html, $"name=\"{Regex.Escape(name)}\"(?: type=\"hidden\")? value=\"([^\"]*)\"");
        Assert.That(m.Success, $"the page has no hidden field {name}");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    private static string Receipt(string html)
    {
        Match m = ReceiptCode().Match(html);
        Assert.That(m.Success, "the answer page shows a receipt");
        return m.Groups[1].Value;
    }

    [GeneratedRegex("<p class=\"codename\" id=\"codename\" lang=\"en\">([^<]+)</p>")]
    private static partial Regex CodenameText();

    [GeneratedRegex("class=\"receipt\"[^>]*>([0-9a-f]{32})<")]
    private static partial Regex ReceiptCode();
}
