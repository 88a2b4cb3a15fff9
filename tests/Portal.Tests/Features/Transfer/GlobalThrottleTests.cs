using System.Net;

namespace WhistleSubmit.Portal.Tests.Features.Transfer;

/// <summary>The interface-wide bucket of failed logins: spent by failures on any names, it holds back every login.</summary>
public class GlobalThrottleTests
{
    [Test]
    public async Task Login_BucketSpentOnOtherNames_RightCredentialsAlsoWait()
    {
        using var factory = new PortalFactory(new Dictionary<string, string>
        {
            ["Portal:Transfer:GlobalFailureBurst"] = "3",
            ["Portal:Transfer:GlobalFailureRefillSeconds"] = "600",
        });
        factory.Start();
        var reviewer = Reviewer.Add(factory, "ana");
        using var http = new TransferHttp(factory.TransferAddress);
        var failures = new List<HttpStatusCode>();
        foreach (string name in new[] { "eve", "mallory", "trudy" })
        {
            failures.Add((await http.LoginAsync(name, "guess", "123456")).Status);
        }

        var (status, body, _) = await http.LoginAsync(reviewer.Name, reviewer.Password, reviewer.Code());

        Assert.That(failures, Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(body, Does.Contain("Too many attempts. Wait 10 minutes"));
        Assert.That(http.Cookies.ContainsKey("__Host-whistle-transfer"), Is.False);
    }
}
