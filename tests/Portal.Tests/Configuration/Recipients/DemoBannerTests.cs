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
        using var team = new WhistleSubmit.TestSupport.TestTeam();
        TestKeys.WriteRecipientsFile(factory.DataDirectory, "Legal review team");
        team.WritePublicKey(factory.DataDirectory);
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
}
