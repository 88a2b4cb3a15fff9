namespace WhistleSubmit.Portal.Features.Transfer.Retention;

/// <summary>
/// The "Portal:Retention" settings (environment: <c>Portal__Retention__ExportedWarnDays</c> …). Nothing a source sent
/// is ever deleted before the console confirmed it; replies go once they have served.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Portal:Retention";

    /// <summary>Exported items without an import receipt after this many days are flagged (and kept).</summary>
    public int ExportedWarnDays { get; set; } = 14;

    /// <summary>Items not exported after this many days are flagged (and kept: never deleted unexported).</summary>
    public int UnexportedWarnDays { get; set; } = 7;

    /// <summary>A reply is deleted this many days after the source read it …</summary>
    public int ReplyReadDays { get; set; } = 30;

    /// <summary>… and in any case this many days after it was imported.</summary>
    public int ReplyMaxDays { get; set; } = 180;

    /// <summary>How often the retention service runs.</summary>
    public int SweepMinutes { get; set; } = 60;

    public bool IsValid() =>
        ExportedWarnDays >= 1 && UnexportedWarnDays >= 1 && ReplyReadDays >= 0 && ReplyMaxDays >= 1 && ReplyMaxDays >= ReplyReadDays
        && SweepMinutes >= 1;
}
