using System.Net;
using WhistleSubmit.Portal.Tests.Features.Transfer;

namespace WhistleSubmit.Portal.Tests.Admin;

/// <summary><c>whistle-portal reviewer …</c> through the real executable, with the server stopped and running.</summary>
public class ReviewerVerbTests
{
    private string data = null!;

    [SetUp]
    public void SetUp() => data = Directory.CreateTempSubdirectory("whistle-reviewer-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(data, recursive: true);

    [Test]
    public async Task Reviewer_AddListResetRemove_ServerStopped()
    {
        var add = await Verb("reviewer", "add", "ana");
        var again = await Verb("reviewer", "add", "ana");
        var badName = await Verb("reviewer", "add", "Ana Maria");
        var list = await Verb("reviewer", "list");
        var reset = await Verb("reviewer", "reset", "ana");
        var remove = await Verb("reviewer", "remove", "ana");
        var removeAgain = await Verb("reviewer", "remove", "ana");
        var empty = await Verb("reviewer", "list");

        Assert.That(add.ExitCode, Is.Zero, add.Stderr);
        Assert.That(add.Stdout, Does.Contain("one-time password: ").And.Contain("otpauth://totp/WhistleSubmit:ana?secret=")
            .And.Contain("&algorithm=SHA1&digits=6&period=30").And.Contain("█").And.Not.Contain("running portal"));
        Assert.That(again.ExitCode, Is.EqualTo(1));
        Assert.That(again.Stderr, Does.Contain("exists"));
        Assert.That(badName.ExitCode, Is.EqualTo(1));
        Assert.That(list.Stdout, Does.Contain("ana").And.Contain("never").And.Contain("must set passphrase"));
        Assert.That(Reviewer.Parse("ana", reset.Stdout).Password, Is.Not.EqualTo(Reviewer.Parse("ana", add.Stdout).Password));
        Assert.That(Reviewer.Parse("ana", reset.Stdout).Secret, Is.Not.EqualTo(Reviewer.Parse("ana", add.Stdout).Secret));
        Assert.That(remove.ExitCode, Is.Zero);
        Assert.That(removeAgain.ExitCode, Is.EqualTo(1));
        Assert.That(empty.Stdout, Does.Contain("no reviewer accounts"));
    }

    [Test]
    public async Task Reviewer_AddWhileServerRuns_ThroughAdminSocketAndThePrintedSecretsLogIn()
    {
        using var server = await PortalProcess.StartServerAsync(data);

        var add = await Verb("reviewer", "add", "ben");
        var status = await Verb("status");
        var reviewer = Reviewer.Parse("ben", add.Stdout);
        using var http = new TransferHttp(server.TransferAddress);
        var (login, _, response) = await http.LoginAsync("ben", reviewer.Password, reviewer.Code());
        var remove = await Verb("reviewer", "remove", "ben");
        var (afterRemoval, _, afterResponse) = await http.GetAsync("/en/transfer/passphrase");

        Assert.That(add.Stdout, Does.Contain("done by the running portal"));
        Assert.That(status.Stdout, Does.Contain("reviewer accounts  1"));
        Assert.That(login, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/en/transfer/passphrase"));
        Assert.That(remove.Stdout, Does.Contain("removed reviewer ben"));
        Assert.That(afterRemoval, Is.EqualTo(HttpStatusCode.Redirect), "a removed account's session is over");
        Assert.That(afterResponse.Headers.Location?.ToString(), Is.EqualTo("/en/transfer/login"));
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> Verb(params string[] args)
    {
        return PortalProcess.RunVerbAsync(data, args);
    }
}
