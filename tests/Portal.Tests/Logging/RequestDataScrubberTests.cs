using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;
using WhistleSubmit.Portal.Logging;

namespace WhistleSubmit.Portal.Tests.Logging;

public class RequestDataScrubberTests
{
    [Test]
    public void Enrich_EventInsideRequestScope_DropsScopeProperties()
    {
        var sink = new CapturingSink();
        using var factory = new SerilogLoggerFactory(
            new LoggerConfiguration().Enrich.With<RequestDataScrubber>().WriteTo.Sink(sink).CreateLogger(), dispose: true);
        var logger = factory.CreateLogger("Test");

        using (logger.BeginScope(new Dictionary<string, object> { ["RequestPath"] = "/en/canary-path", ["ConnectionId"] = "0HCANARY" }))
        {
            logger.LogWarning("Something about {Thing}", "the thing");
        }

        Assert.That(sink.AllText, Does.Contain("the thing"));
        Assert.That(sink.AllText, Does.Not.Contain("canary-path").And.Not.Contain("0HCANARY"));
    }

    [Test]
    public void Enrich_SourceContext_IsKept()
    {
        var sink = new CapturingSink();
        using var factory = new SerilogLoggerFactory(
            new LoggerConfiguration().Enrich.With<RequestDataScrubber>().WriteTo.Sink(sink).CreateLogger(), dispose: true);

        factory.CreateLogger("WhistleSubmit.Portal.Somewhere").LogWarning("Hello");

        Assert.That(sink.AllText, Does.Contain("WhistleSubmit.Portal.Somewhere"));
    }
}
