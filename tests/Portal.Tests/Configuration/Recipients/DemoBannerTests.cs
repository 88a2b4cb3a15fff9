using System.Net;

namespace WhistleSubmit.Portal.Tests.Configuration.Recipients;

public class DemoBannerTests
{
    [Test]
    public async Task EveryPage_DemoMode_ShowsTheBanner()
    {
        using var factory = new PortalFactory();
        using var client = factory.CreatePlainClient(factory.Start());

        foreach (string path in PortalPages.All)
        {
            string html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
            Assert.That(html, Does.Contain("class=\"demo-banner\""), path);
        }
    }

    [Test]
    public async Task DemoBanner_EachLanguage_SaysNotToUseItForRealReports()
    {
        using var factory = new PortalFactory();
        using var client = factory.CreatePlainClient(factory.Start());

        string english = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/en/", UriKind.Relative)));
        string spanish = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/es/", UriKind.Relative)));

        Assert.That(english, Does.Contain("do not send a real report"));
        Assert.That(spanish, Does.Contain("no envíe una denuncia real"));
    }

    [Test]
    public async Task EveryPage_ConfiguredRecipients_NoBanner()
    {
        using var factory = new PortalFactory();
        using var team = new TestTeam();
        team.Configure(factory.DataDirectory, TestKeys.NewRecipient());
        using var client = factory.CreatePlainClient(factory.Start());

        foreach (string path in PortalPages.All)
        {
            string html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
            Assert.That(html, Does.Not.Contain("demo-banner"), path);
        }

        Assert.That(File.Exists(Path.Combine(factory.DataDirectory, "demo-team-key.txt")), Is.False);

        Assert.That(File.Exists(Path.Combine(factory.DataDirectory, "demo-reviewer-identity.txt")), Is.False);
    }

    [Test]
    public async Task LandingPage_ConfiguredRecipients_ShowsNameAndFingerprint()
    {
        using var factory = new PortalFactory();
        string recipient = TestKeys.WriteRecipientsFile(factory.DataDirectory, "Legal review team");
        using var client = factory.CreatePlainClient(factory.Start());

        string html = await client.GetStringAsync(new Uri("/en/", UriKind.Relative));

        Assert.That(html, Does.Contain("Legal review team"));
        Assert.That(html, Does.Contain(WhistleSubmit.Crypto.Age.RecipientFingerprint.Compute(recipient)));
    }

    [Test]
    public async Task LandingAndAbout_SignedSet_ShowTheSetsFingerprintsTheTeamKeyAndTeamJsHash()
    {
        using var factory = new PortalFactory();
        using var team = new TestTeam();
        string a = TestKeys.NewRecipient(), b = TestKeys.NewRecipient();
        team.Configure(factory.DataDirectory, a, b);
        using var client = factory.CreatePlainClient(factory.Start());

        string landing = await client.GetStringAsync(new Uri("/en/", UriKind.Relative));
        string about = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/es/about", UriKind.Relative)));
        string script = await client.GetStringAsync(new Uri("/js/team.js", UriKind.Relative));
        string integrity = "sha384-" + Convert.ToBase64String(System.Security.Cryptography.SHA384.HashData(System.Text.Encoding.ASCII.GetBytes(script)));

        foreach (string html in new[] { landing, about })
        {
            Assert.That(html, Does.Contain(WhistleSubmit.Crypto.Age.RecipientFingerprint.Compute(a)));
            Assert.That(html, Does.Contain(WhistleSubmit.Crypto.Age.RecipientFingerprint.Compute(b)));
            Assert.That(html, Does.Contain(team.PublicKey.DisplayFingerprint));
        }

        Assert.That(about, Does.Contain(integrity));
    }
}
