using System.Net;
using WhistleSubmit.Portal.Localization;

namespace WhistleSubmit.Portal.Tests.Features.Transfer.Sessions;

public class TransferPageFilterTests
{
    [Test]
    public async Task Export_MultipartPostWithoutToken_RefusedBeforeTheHandler()
    {
        // Issue 15: every multipart post skipped the token check, though only the replies and receipt pages check it
        // themselves: a cross-site multipart post to the dashboard ran its export.
        using var factory = new PortalFactory(new Dictionary<string, string> { ["Portal:Transfer:GlobalFailureBurst"] = "1000" });
        factory.Start();
        var reviewer = Reviewer.Add(factory, "erin");
        using var http = new TransferHttp(factory.TransferAddress);
        await http.LoginAndSetPassphraseAsync(reviewer);

        var (status, body, _) = await http.PostFileAsync("/en/transfer", token: null, [1, 2, 3], "x.bin");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(EnglishTransferText.Instance.BadForm)));
    }
}
