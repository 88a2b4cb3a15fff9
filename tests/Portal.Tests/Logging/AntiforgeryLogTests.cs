using System.Net;
using WhistleSubmit.Portal.Tests.Features.Submit;

namespace WhistleSubmit.Portal.Tests.Logging;

/// <summary>
/// Issue 15 (suspected, confirmed): ASP.NET Core's antiforgery logged each failed validation at Warning, a timestamped
/// journal line per refused post that anyone could cause at will.
/// </summary>
public class AntiforgeryLogTests
{
    [Test]
    public async Task NoJsPost_AntiforgeryPairRefused_NothingLogged()
    {
        using var factory = new PortalFactory(new Dictionary<string, string> { ["Portal:NoJs:FormTokenMinAgeSeconds"] = "0" });
        using var http = factory.CreatePlainClient(factory.Start());
        var form = new NoJsFormClient(http);
        await form.LoadAsync();
        var stranger = new NoJsFormClient(http);
        await stranger.LoadAsync();
        form.Cookie = stranger.Cookie;

        var (status, _) = await form.PostAsync(NoJsFormClient.Body([.. form.Tokens(), NoJsFormClient.Field("description", "x")]));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(factory.Log.Events.Where(e => e.Contains("Antiforgery", StringComparison.Ordinal)), Is.Empty);
    }
}
