using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using WhistleSubmit.Portal.Security;
using WhistleSubmit.TestSupport;

namespace WhistleSubmit.Portal.Tests.Security;

/// <summary>/js/team.js: the configured team key, in a script whose hash is in the integrity map (protocol v2 section 3).</summary>
public class TeamScriptTests
{
    [Test]
    public async Task TeamScript_ConfiguredKey_ServesExactBytesWithItsHashInTheIntegrityMap()
    {
        using var team = new TestTeam();
        using var factory = new PortalFactory();
        team.Configure(factory.DataDirectory, TestKeys.NewRecipient());
        using var client = factory.CreatePlainClient(factory.Start());

        using var response = await client.GetAsync(new Uri("/js/team.js", UriKind.Relative));
        byte[] bytes = await response.Content.ReadAsByteArrayAsync();
        var integrity = factory.Services.GetRequiredService<ScriptIntegrity>();

        Assert.That(bytes, Is.EqualTo(System.Text.Encoding.ASCII.GetBytes($"self.whistleTeamKey = \"{team.PublicKey.Text}\";\n")));
        Assert.That(integrity.For("team.js"), Is.EqualTo("sha384-" + Convert.ToBase64String(SHA384.HashData(bytes))));
        Assert.That(integrity.For("portal.js"), Does.StartWith("sha384-"));
    }

    [Test]
    public async Task TeamScript_SameHeadersAsTheBundlesScripts()
    {
        using var factory = new PortalFactory();
        using var client = factory.CreatePlainClient(factory.Start());

        using var team = await client.GetAsync(new Uri("/js/team.js", UriKind.Relative));
        using var portal = await client.GetAsync(new Uri("/js/portal.js", UriKind.Relative));

        Assert.That(Names(team), Is.EqualTo(Names(portal)));
        Assert.That(team.Content.Headers.ContentType, Is.EqualTo(portal.Content.Headers.ContentType));
        Assert.That(team.Headers.CacheControl, Is.EqualTo(portal.Headers.CacheControl));
    }

    [Test]
    public async Task TeamScript_Demo_ServesTheDemoKeyAndTheBannerSaysDemo()
    {
        using var factory = new PortalFactory();
        TestKeys.WriteRecipientsFile(factory.DataDirectory, "Legal review team");
        using var client = factory.CreatePlainClient(factory.Start());

        string script = await client.GetStringAsync(new Uri("/js/team.js", UriKind.Relative));
        string html = await client.GetStringAsync(new Uri("/en/", UriKind.Relative));

        Assert.That(script, Does.StartWith("self.whistleTeamKey = \"whistlesubmit-team-v2:"));
        Assert.That(File.Exists(Path.Combine(factory.DataDirectory, "demo-team-key.txt")), Is.True);
        Assert.That(html, Does.Contain("class=\"demo-banner\""));
    }

    private static string[] Names(HttpResponseMessage response) =>
        [.. response.Headers.Select(h => h.Key).Concat(response.Content.Headers.Select(h => h.Key))
            .Where(n => n != "Content-Length" && n != "Date").Order(StringComparer.Ordinal)];
}
