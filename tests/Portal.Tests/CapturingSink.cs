using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace WhistleSubmit.Portal.Tests;

/// <summary>Keeps every log event as JSON with all its properties and exception, so tests can search all of it.</summary>
internal sealed class CapturingSink : ILogEventSink
{
    private readonly ConcurrentQueue<string> events = new();
    private readonly JsonFormatter formatter = new(renderMessage: true);

    public IReadOnlyList<string> Events => [.. events];

    public string AllText => string.Join('\n', events);

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        formatter.Format(logEvent, writer);
        events.Enqueue(writer.ToString());
    }
}
