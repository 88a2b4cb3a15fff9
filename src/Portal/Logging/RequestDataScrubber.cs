using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace WhistleSubmit.Portal.Logging;

/// <summary>
/// Drops every property a log event carries beyond those its own message names. ASP.NET Core attaches the request
/// path, request id, connection id and trace ids to events as logging scopes; on the source side none of that may
/// be written anywhere, whichever component logs.
/// </summary>
public sealed class RequestDataScrubber : ILogEventEnricher
{
    // Where the event came from is not request data, and makes the console readable.
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal) { "SourceContext" };

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var named = logEvent.MessageTemplate.Tokens.OfType<PropertyToken>().Select(t => t.PropertyName).ToHashSet(StringComparer.Ordinal);
        foreach (string name in logEvent.Properties.Keys.ToList())
        {
            if (!named.Contains(name) && !Kept.Contains(name))
            {
                logEvent.RemovePropertyIfPresent(name);
            }
        }
    }
}
