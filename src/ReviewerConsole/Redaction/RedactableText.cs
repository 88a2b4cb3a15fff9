using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Redaction;

/// <summary>One free-text field of one item that spans can be marked in: its item, field name and text.</summary>
internal sealed record RedactableText(ItemRecord Item, string Field, string Text)
{
    /// <summary>Its length in characters (Unicode code points), which --from and --to count in.</summary>
    public int Length => Text.EnumerateRunes().Count();
}
