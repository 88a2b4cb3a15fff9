using System.Net;
using System.Text.RegularExpressions;

namespace WhistleSubmit.Portal.Tests.Configuration;

/// <summary>
/// <c>dotnet whistle-portal.dll</c> started from another directory, with no ASPNETCORE_WEBROOT, takes its content root
/// (appsettings.json, wwwroot) from its own directory: before, it took the working directory and served pages whose
/// scripts and styles were missing, so every source fell back to the no-JavaScript path without a word.
/// </summary>
public partial class ContentRootProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private string scratch = null!;

    [SetUp]
    public void SetUp() => scratch = Directory.CreateTempSubdirectory("whistle-contentroot-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(scratch, recursive: true);

    [Test]
    public async Task Start_FromAnotherDirectory_ServesThePagesScriptsWithTheirIntegrity()
    {
        var info = PortalServer.StartInfo(
            ["--data", Path.Combine(scratch, "data"), "--port", "0", "--transfer-port", "0"],
            new Dictionary<string, string?> { [PortalServer.WebRootVariable] = null });
        info.WorkingDirectory = scratch;
        using var portal = await PortalServer.StartAsync(info, Timeout);
        using var http = new HttpClient { BaseAddress = portal.Address };

        string page = await http.GetStringAsync(new Uri("en/submit", UriKind.Relative));
        var scripts = ScriptTag().Matches(page).Select(m => m.Groups[1].Value).ToList();

        Assert.That(scripts, Is.Not.Empty, page);
        foreach (string src in scripts.Append("/css/portal.css"))
        {
            var response = await http.GetAsync(new Uri(src, UriKind.Relative));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), src);
        }
    }

    [GeneratedRegex("<script[^>]* src=\"(/js/[^\"]+)\"")]
    private static partial Regex ScriptTag();
}
