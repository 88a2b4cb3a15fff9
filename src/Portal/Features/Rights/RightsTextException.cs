namespace WhistleSubmit.Portal.Features.Rights;

/// <summary>A rights text that breaks its format. The message names the rule, never the offending text.</summary>
public sealed class RightsTextException(int line, string reason)
    : Exception(line > 0 ? $"line {line}: {reason}" : reason)
{
    /// <summary>The 1-based line, or 0 for the whole file.</summary>
    public int Line { get; } = line;
}
