using WhistleSubmit.Portal.Security;

namespace WhistleSubmit.Portal.Tests.Security;

public class SecurityHeadersTests
{
    private PortalFactory factory = null!;
    private HttpClient client = null!;

    private static IEnumerable<string> Paths =>
        PortalPages.All.Concat(["/", "/css/portal.css", "/favicon.svg", "/js/team.js", "/pow/challenge", "/no-such-page", "/en/no-such-page", "/fr/"]);

    [OneTimeSetUp]
    public void Start()
    {
        factory = new PortalFactory();
        client = factory.CreatePlainClient(factory.Start());
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        factory.Dispose();
    }

    [TestCaseSource(nameof(Paths))]
    public async Task Response_AnyPath_CarriesEverySecurityHeader(string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Multiple(() =>
        {
            foreach (var (name, value) in SecurityHeaders.Required)
            {
                Assert.That(HeaderValue(response, name), Is.EqualTo(value), name);
            }
        });
    }

    /// <summary>Pages with a form that posts without JavaScript: the one cookie they may set is antiforgery's.</summary>
    private static IEnumerable<string> FormPages => PortalPages.All.Where(p => p.EndsWith("/submit", StringComparison.Ordinal) || p.EndsWith("/mailbox", StringComparison.Ordinal));

    [TestCaseSource(nameof(Paths))]
    public async Task Response_AnyPath_HasNoServerValidatorOrCookieHeaders(string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.That(AllHeaderNames(response), Has.None.EqualTo("Server").IgnoreCase
            .And.None.EqualTo("ETag").IgnoreCase
            .And.None.EqualTo("Last-Modified").IgnoreCase);
        if (!FormPages.Contains(path))
        {
            Assert.That(AllHeaderNames(response), Has.None.EqualTo("Set-Cookie").IgnoreCase);
        }
    }

    [TestCaseSource(nameof(FormPages))]
    public async Task Response_FormPage_SetsOnlyAStrictHttpOnlyAntiforgeryCookie(string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.That(cookie, Does.StartWith(".AspNetCore.Antiforgery.").And.Contain("samesite=strict").IgnoreCase.And.Contain("httponly").IgnoreCase);
    }

    [Test]
    public void ContentSecurityPolicy_Always_IsTheOneInDesignMd()
    {
        Assert.That(SecurityHeaders.ContentSecurityPolicy, Is.EqualTo(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"));
    }

    [Test]
    public async Task StaticFile_ConditionalRequest_StillNoValidators()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/css/portal.css");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"anything\"");
        using var response = await client.SendAsync(request);

        Assert.That(AllHeaderNames(response), Has.None.EqualTo("ETag").IgnoreCase);
    }

    private static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    private static IEnumerable<string> AllHeaderNames(HttpResponseMessage response) =>
        response.Headers.Select(h => h.Key).Concat(response.Content.Headers.Select(h => h.Key));
}
