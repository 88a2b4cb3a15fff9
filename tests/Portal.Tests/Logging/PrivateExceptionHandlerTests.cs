using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;
using WhistleSubmit.Portal.Logging;

namespace WhistleSubmit.Portal.Tests.Logging;

public class PrivateExceptionHandlerTests
{
    [Test]
    public async Task InvokeAsync_ExceptionQuotingRequestData_LogsTypeAndStackButNotMessage()
    {
        var sink = new CapturingSink();
        using var factory = new SerilogLoggerFactory(new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger(), dispose: true);
        var handler = new PrivateExceptionHandler(
            _ => throw new InvalidOperationException("bad value 'canary-form-value'", new FormatException("canary-inner")),
            factory.CreateLogger<PrivateExceptionHandler>());
        var context = new DefaultHttpContext();

        await handler.InvokeAsync(context);

        Assert.That(context.Response.StatusCode, Is.EqualTo(StatusCodes.Status500InternalServerError));
        Assert.That(sink.AllText, Does.Contain("System.InvalidOperationException").And.Contain("System.FormatException"));
        Assert.That(sink.AllText, Does.Not.Contain("canary"));
    }

    [TestCase(StatusCodes.Status413PayloadTooLarge)]
    [TestCase(StatusCodes.Status408RequestTimeout)]
    [TestCase(StatusCodes.Status400BadRequest)]
    public async Task InvokeAsync_KestrelRejectedTheRequest_AnswersItsStatusAndLogsNothing(int status)
    {
        var sink = new CapturingSink();
        using var factory = new SerilogLoggerFactory(new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger(), dispose: true);
        var handler = new PrivateExceptionHandler(
            _ => throw new BadHttpRequestException("Request body too large, canary", status), factory.CreateLogger<PrivateExceptionHandler>());
        var context = new DefaultHttpContext();

        await handler.InvokeAsync(context);

        Assert.That(context.Response.StatusCode, Is.EqualTo(status));
        Assert.That(sink.Events, Is.Empty);
    }

    [Test]
    public async Task InvokeAsync_NoException_PassesThrough()
    {
        using var factory = new SerilogLoggerFactory(new LoggerConfiguration().CreateLogger(), dispose: true);
        var handler = new PrivateExceptionHandler(
            context => { context.Response.StatusCode = 204; return Task.CompletedTask; },
            factory.CreateLogger<PrivateExceptionHandler>());
        var context = new DefaultHttpContext();

        await handler.InvokeAsync(context);

        Assert.That(context.Response.StatusCode, Is.EqualTo(204));
    }

    [Test]
    public async Task InvokeAsync_ClientAlreadyGone_LogsNothing()
    {
        var sink = new CapturingSink();
        using var factory = new SerilogLoggerFactory(new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger(), dispose: true);
        var handler = new PrivateExceptionHandler(_ => throw new IOException("reset"), factory.CreateLogger<PrivateExceptionHandler>());
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        var context = new DefaultHttpContext { RequestAborted = aborted.Token };

        await handler.InvokeAsync(context);

        Assert.That(sink.Events, Is.Empty);
    }
}
