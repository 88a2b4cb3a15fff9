using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Tests.Features.Transfer;

/// <summary>Login, sessions and antiforgery of the transfer interface, over real HTTP on its own listener.</summary>
public class LoginTests
{
    private const string Generic = "The name, password or code is not right.";
    private PortalFactory factory = null!;
    private Uri source = null!;
    private Uri transfer = null!;
    private int accounts;

    [OneTimeSetUp]
    public void Start()
    {
        // The global bucket is tested on its own below; here many tests fail logins on purpose.
        factory = new PortalFactory(new Dictionary<string, string> { ["Portal:Transfer:GlobalFailureBurst"] = "1000" });
        source = factory.Start();
        transfer = factory.TransferAddress;
    }

    [OneTimeTearDown]
    public void Stop() => factory.Dispose();

    [Test]
    public async Task Login_RightPasswordAndCode_HostPrefixedStrictSessionCookieAndPassphraseFirst()
    {
        var reviewer = NewReviewer();
        using var http = new TransferHttp(transfer);

        var (status, _, response) = await http.LoginAsync(reviewer.Name, reviewer.Password, reviewer.Code());
        var (dashboard, _, dashboardResponse) = await http.GetAsync("/en/transfer");

        string cookie = http.SetCookieHeaders.Single(h => h.StartsWith("__Host-whistle-transfer=", StringComparison.Ordinal));
        Assert.That(status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/en/transfer/passphrase"));
        Assert.That(cookie.ToLowerInvariant(), Does.Contain("secure").And.Contain("httponly").And.Contain("samesite=strict").And.Contain("path=/"));
        Assert.That(cookie.ToLowerInvariant(), Does.Not.Contain("domain=").And.Not.Contain("expires="));
        Assert.That(http.SetCookieHeaders.Where(h => !h.StartsWith("__Host-", StringComparison.Ordinal)), Is.Empty);
        Assert.That(dashboard, Is.EqualTo(HttpStatusCode.Redirect), "a one-time password allows nothing but the passphrase page");
        Assert.That(dashboardResponse.Headers.Location?.ToString(), Is.EqualTo("/en/transfer/passphrase"));
    }

    [Test]
    public async Task Login_EachWrongFactorOrUnknownName_SameGenericRefusal()
    {
        var reviewer = NewReviewer();
        using var http = new TransferHttp(transfer);

        var wrongPassword = await http.LoginAsync(reviewer.Name, reviewer.Password + "x", reviewer.Code());
        var wrongCode = await http.LoginAsync(reviewer.Name, reviewer.Password, WrongCode(reviewer));
        var unknown = await http.LoginAsync("nobody-here", reviewer.Password, reviewer.Code());

        foreach (var (status, body, _) in new[] { wrongPassword, wrongCode, unknown })
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body, Does.Contain(Generic));
            Assert.That(http.Cookies.ContainsKey("__Host-whistle-transfer"), Is.False);
        }

        Assert.That(Audit().Where(e => e.Action == "login-failed").Select(e => e.Account), Has.Member(reviewer.Name).And.Member("-"));
    }

    [Test]
    public async Task Login_ReplayedCode_RefusedWithWaitForNextCodeAndAuditedAsReplay()
    {
        var reviewer = NewReviewer();
        string code = reviewer.Code();
        using (var first = new TransferHttp(transfer))
        {
            var (ok, _, _) = await first.LoginAsync(reviewer.Name, reviewer.Password, code);
            Assert.That(ok, Is.EqualTo(HttpStatusCode.Redirect));
        }

        using var second = new TransferHttp(transfer);
        var (_, wrongPassword, _) = await second.LoginAsync(reviewer.Name, "not the password", code);
        var (replayed, body, _) = await second.LoginAsync(reviewer.Name, reviewer.Password, code);
        var (next, _, _) = await second.LoginAsync(reviewer.Name, reviewer.Password, reviewer.Code(1));

        Assert.That(wrongPassword, Does.Contain(Generic), "without the password, a used code says nothing more");
        Assert.That(replayed, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Does.Contain("That code was already used. Wait for the next code").And.Not.Contain(Generic));
        Assert.That(Audit().Where(e => e.Action == "login-replayed-code").Select(e => e.Account), Has.Member(reviewer.Name));
        Assert.That(next, Is.EqualTo(HttpStatusCode.Redirect), "the next step's code still works");
    }

    [Test]
    public async Task Login_BruteForce_ThrottledAndNeverSucceeds()
    {
        var reviewer = NewReviewer();
        using var http = new TransferHttp(transfer);
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 12; i++)
        {
            var (status, _, _) = await http.LoginAsync(reviewer.Name, $"guess-{i}", i % 2 == 0 ? WrongCode(reviewer) : reviewer.Code());
            statuses.Add(status);
        }

        var (afterwards, body, response) = await http.LoginAsync(reviewer.Name, reviewer.Password, reviewer.Code());
        var (spanish, spanishBody, _) = await http.LoginAsync(reviewer.Name, reviewer.Password, reviewer.Code(), "es");

        Assert.That(statuses.Take(5), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(statuses.Skip(5), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(afterwards, Is.EqualTo(HttpStatusCode.TooManyRequests), "the right password and code during a lockout are refused too");
        Assert.That(body, Does.Contain("Too many attempts. Wait"));
        Assert.That(response.Headers.RetryAfter, Is.Not.Null);
        Assert.That(spanish, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(spanishBody, Does.Contain("Demasiados intentos"));
        Assert.That(http.Cookies.ContainsKey("__Host-whistle-transfer"), Is.False);
        var account = Store.FindReviewer(reviewer.Name)!;
        Assert.That(account.FailedLogins, Is.EqualTo(5));
        Assert.That(account.LockedUntil, Is.GreaterThan(DateTimeOffset.UtcNow));
        Assert.That(Audit().Where(e => e.Account == reviewer.Name).Select(e => e.Action), Has.Member("account-locked"));
        Assert.That(Audit().Count(e => e.Account == reviewer.Name && e.Action == "login-failed"), Is.EqualTo(5), "refusals while locked are not failures");
    }

    [Test]
    public async Task Post_WithoutOrWithForeignToken_RefusedBeforeTheHandler()
    {
        var reviewer = NewReviewer();
        using var http = new TransferHttp(transfer);
        using var other = new TransferHttp(transfer);
        string foreign = await other.TokenAsync("/en/transfer/login");
        await http.TokenAsync("/en/transfer/login");

        var (missing, body, _) = await http.PostFormAsync("/en/transfer/login", new Dictionary<string, string>
        {
            ["name"] = reviewer.Name, ["password"] = reviewer.Password, ["code"] = reviewer.Code(),
        });
        var (wrong, _, _) = await http.PostFormAsync("/en/transfer/login", new Dictionary<string, string>
        {
            ["__transfer_af"] = foreign, ["name"] = reviewer.Name, ["password"] = reviewer.Password, ["code"] = reviewer.Code(),
        });

        Assert.That(missing, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("safety check failed"));
        Assert.That(wrong, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Store.FindReviewer(reviewer.Name)!.LastLoginDay, Is.Null, "no login happened");
    }

    [Test]
    public async Task Upload_WithoutToken_RefusedAndNothingStored()
    {
        var reviewer = NewReviewer();
        using var http = new TransferHttp(transfer);
        await http.LoginAndSetPassphraseAsync(reviewer);

        var (status, body, _) = await http.PostFileAsync("/en/transfer/receipt", null, "{}"u8.ToArray(), "receipt.json");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("safety check failed"));
        Assert.That(Directory.Exists(Path.Combine(factory.DataDirectory, "transfer"))
            ? Directory.GetFiles(Path.Combine(factory.DataDirectory, "transfer")) : [], Is.Empty);
    }

    [Test]
    public async Task SessionCookie_OnSourceListener_Useless()
    {
        var reviewer = NewReviewer();
        using var http = new TransferHttp(transfer);
        await http.LoginAndSetPassphraseAsync(reviewer);
        using var onSource = new TransferHttp(source);
        foreach (var cookie in http.Cookies)
        {
            onSource.Cookies[cookie.Key] = cookie.Value;
        }

        var (ownSide, _, _) = await http.GetAsync("/en/transfer/audit");
        var (otherSide, _, _) = await onSource.GetAsync("/en/transfer/audit");

        Assert.That(ownSide, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(otherSide, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task SourceAntiforgeryCookieAndToken_OnTransferListener_Refused()
    {
        var reviewer = NewReviewer();
        using var sourceClient = new TransferHttp(source);
        var (_, mailbox, _) = await sourceClient.GetAsync("/en/mailbox");
        string sourceToken = System.Text.RegularExpressions.Regex.Match(mailbox, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var http = new TransferHttp(transfer);
        foreach (var cookie in sourceClient.Cookies)
        {
            http.Cookies[cookie.Key] = cookie.Value;
        }

        var (status, _, _) = await http.PostFormAsync("/en/transfer/login", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = sourceToken, ["__transfer_af"] = sourceToken,
            ["name"] = reviewer.Name, ["password"] = reviewer.Password, ["code"] = reviewer.Code(),
        });

        Assert.That(sourceToken, Is.Not.Empty);
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Logout_SessionEndsOnTheServer()
    {
        var reviewer = NewReviewer();
        using var http = new TransferHttp(transfer);
        await http.LoginAndSetPassphraseAsync(reviewer);
        var stolen = new Dictionary<string, string>(http.Cookies);
        string token = await http.TokenAsync("/en/transfer");

        var (loggedOut, _, response) = await http.PostFormAsync("/en/transfer/logout", new Dictionary<string, string> { ["__transfer_af"] = token });
        using var replay = new TransferHttp(transfer);
        foreach (var cookie in stolen)
        {
            replay.Cookies[cookie.Key] = cookie.Value;
        }

        var (after, _, afterResponse) = await replay.GetAsync("/en/transfer");

        Assert.That(loggedOut, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/en/transfer/login?loggedOut=true"));
        Assert.That(after, Is.EqualTo(HttpStatusCode.Redirect), "the old cookie names no session any more");
        Assert.That(afterResponse.Headers.Location?.ToString(), Is.EqualTo("/en/transfer/login"));
        Assert.That(Audit().Any(e => e.Account == reviewer.Name && e.Action == "logout"), Is.True);
    }

    [Test]
    public async Task Passphrase_TooShortOrDifferent_RefusedThenSetAndOtherSessionsEnd()
    {
        var reviewer = NewReviewer();
        using var first = new TransferHttp(transfer);
        using var second = new TransferHttp(transfer);
        await first.LoginAsync(reviewer.Name, reviewer.Password, reviewer.Code());
        await second.LoginAsync(reviewer.Name, reviewer.Password, reviewer.Code(1));
        string token = await first.TokenAsync("/en/transfer/passphrase");

        var (shortOne, shortBody, _) = await first.PostFormAsync("/en/transfer/passphrase", new Dictionary<string, string>
        {
            ["__transfer_af"] = token, ["passphrase"] = "fifteen chars!!", ["repeat"] = "fifteen chars!!",
        });
        var (different, differentBody, _) = await first.PostFormAsync("/en/transfer/passphrase", new Dictionary<string, string>
        {
            ["__transfer_af"] = token, ["passphrase"] = "sixteen characters", ["repeat"] = "sixteen characterz",
        });
        var (set, _, _) = await first.PostFormAsync("/en/transfer/passphrase", new Dictionary<string, string>
        {
            ["__transfer_af"] = token, ["passphrase"] = "sixteen characters", ["repeat"] = "sixteen characters",
        });
        var (firstAfter, _, _) = await first.GetAsync("/en/transfer");
        var (secondAfter, _, secondResponse) = await second.GetAsync("/en/transfer");

        Assert.That(shortOne, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(shortBody, Does.Contain("at least 16 characters"));
        Assert.That(different, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(differentBody, Does.Contain("differ"));
        Assert.That(set, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(firstAfter, Is.EqualTo(HttpStatusCode.OK), "this browser got a fresh session");
        Assert.That(secondResponse.Headers.Location?.ToString(), Is.EqualTo("/en/transfer/login"), "the other session ended");
        Assert.That(secondAfter, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(Store.FindReviewer(reviewer.Name)!.MustChangePassword, Is.False);
    }

    private TransferStore Store => factory.Services.GetRequiredService<TransferStore>();

    private IReadOnlyList<AuditEntry> Audit() => Store.ListAudit(10_000);

    private Reviewer NewReviewer() => Reviewer.Add(factory, $"reviewer{Interlocked.Increment(ref accounts)}");

    private static string WrongCode(Reviewer reviewer)
    {
        var valid = new[] { reviewer.Code(-1), reviewer.Code(), reviewer.Code(1) };
        return Enumerable.Range(0, 1000).Select(i => i.ToString("000000", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }
}
