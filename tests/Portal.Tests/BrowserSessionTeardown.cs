using WhistleSubmit.Portal.Tests.Browser;

namespace WhistleSubmit.Portal.Tests;

/// <summary>Closes the shared Chromium once every test in the assembly has run.</summary>
[SetUpFixture]
public sealed class BrowserSessionTeardown
{
    [OneTimeTearDown]
    public async Task CloseBrowser() => await Chromium.CloseAsync();
}
