using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace WhistleSubmit.Portal.Tests.Features.Submit;

/// <summary>
/// Posts the no-JS report form the way a browser does, over plain HTTP: fetches the page for its antiforgery cookie
/// and tokens, then sends multipart bodies built by hand (so tests can also send broken ones).
/// </summary>
internal sealed partial class NoJsFormClient(HttpClient http)
{
    public const string Boundary = "----WhistleSubmitTestBoundary7MA4YWxkTrZu0gW";

    public string Cookie { get; set; } = string.Empty;

    public string Antiforgery { get; private set; } = string.Empty;

    public string FormToken { get; private set; } = string.Empty;

    public async Task LoadAsync(string path = "/en/submit")
    {
        using var response = await http.GetAsync(path);
        string html = await response.Content.ReadAsStringAsync();
        Cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        Antiforgery = WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);
        FormToken = WebUtility.HtmlDecode(TicketField().Match(html).Groups[1].Value);
    }

    /// <summary>A multipart body: the tokens first (as the page orders them), then the given parts.</summary>
    public static byte[] Body(IEnumerable<(string Name, string? FileName, byte[] Data)> parts)
    {
        using var body = new MemoryStream();
        foreach (var (name, fileName, data) in parts)
        {
            string disposition = fileName is null ? $"form-data; name=\"{name}\"" : $"form-data; name=\"{name}\"; filename=\"{fileName}\"";
            string head = $"--{Boundary}\r\nContent-Disposition: {disposition}\r\n" +
                (fileName is null ? string.Empty : "Content-Type: application/octet-stream\r\n") + "\r\n";
            body.Write(Encoding.UTF8.GetBytes(head));
            body.Write(data);
            body.Write("\r\n"u8);
        }

        body.Write(Encoding.ASCII.GetBytes($"--{Boundary}--\r\n"));
        return body.ToArray();
    }

    public IEnumerable<(string, string?, byte[])> Tokens(bool withTicket = true)
    {
        yield return ("__RequestVerificationToken", null, Encoding.UTF8.GetBytes(Antiforgery));
        if (withTicket)
        {
            yield return ("formToken", null, Encoding.UTF8.GetBytes(FormToken));
        }
    }

    public static (string, string?, byte[]) Field(string name, string value) => (name, null, Encoding.UTF8.GetBytes(value));

    public async Task<(HttpStatusCode Status, string Html)> PostAsync(byte[] body, string path = "/en/submit", string? contentType = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? $"multipart/form-data; boundary={Boundary}");
        request.Headers.Add("Cookie", Cookie);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"formToken\" value=\"([^\"]+)\"")]
    private static partial Regex TicketField();
}
