using System.Net;
using System.Text.RegularExpressions;

namespace WhistleSubmit.Portal.Tests.Features.Transfer;

/// <summary>
/// A browser-like HTTP client for the transfer listener that keeps its cookies by hand: .NET's CookieContainer does
/// not send Secure cookies over http://, which browsers do for 127.0.0.1 and .onion. Records every Set-Cookie seen.
/// </summary>
internal sealed partial class TransferHttp(Uri baseAddress) : IDisposable
{
    private readonly HttpClient client = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress };

    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    public List<string> SetCookieHeaders { get; } = [];

    public async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request);
    }

    public async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> PostFormAsync(string path, IDictionary<string, string> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        return await SendAsync(request);
    }

    public async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> PostFileAsync(string path, string? token, byte[] file, string fileName)
    {
        var content = new MultipartFormDataContent();
        if (token is not null)
        {
            content.Add(new StringContent(token), "__transfer_af");
        }

        content.Add(new ByteArrayContent(file), "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        return await SendAsync(request);
    }

    /// <summary>GETs the page and returns its form token.</summary>
    public async Task<string> TokenAsync(string path)
    {
        var (_, body, _) = await GetAsync(path);
        var match = Token().Match(body);
        Assert.That(match.Success, Is.True, $"no form token on {path}");
        return match.Groups[1].Value;
    }

    public async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> LoginAsync(string name, string password, string code, string lang = "en")
    {
        string token = await TokenAsync($"/{lang}/transfer/login");
        return await PostFormAsync($"/{lang}/transfer/login", new Dictionary<string, string>
        {
            ["__transfer_af"] = token, ["name"] = name, ["password"] = password, ["code"] = code,
        });
    }

    /// <summary>Logs in, sets the passphrase the one-time password must be replaced by, and returns it.</summary>
    public async Task<string> LoginAndSetPassphraseAsync(Reviewer reviewer, int codeStep = 0)
    {
        var (status, _, response) = await LoginAsync(reviewer.Name, reviewer.Password, reviewer.Code(codeStep));
        Assert.That(status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/en/transfer/passphrase"));
        string passphrase = "correct horse battery staple " + reviewer.Name;
        string token = await TokenAsync("/en/transfer/passphrase");
        var (changed, _, _) = await PostFormAsync("/en/transfer/passphrase", new Dictionary<string, string>
        {
            ["__transfer_af"] = token, ["passphrase"] = passphrase, ["repeat"] = passphrase,
        });
        Assert.That(changed, Is.EqualTo(HttpStatusCode.Redirect));
        return passphrase;
    }

    public void Dispose() => client.Dispose();

    private async Task<(HttpStatusCode, string, HttpResponseMessage)> SendAsync(HttpRequestMessage request)
    {
        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (string header in setCookies)
            {
                SetCookieHeaders.Add(header);
                string pair = header.Split(';')[0];
                int eq = pair.IndexOf('=', StringComparison.Ordinal);
                string name = pair[..eq];
                string value = pair[(eq + 1)..];
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    Cookies.Remove(name);
                }
                else
                {
                    Cookies[name] = value;
                }
            }
        }

        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    [GeneratedRegex("name=\"__transfer_af\" value=\"([A-Za-z0-9_-]{43})\"")]
    private static partial Regex Token();
}
