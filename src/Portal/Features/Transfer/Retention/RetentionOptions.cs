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

    /// <summary>
    /// A reply the source has read is deleted this many days after it was imported (at the next sweep, if it was read
    /// later) … The store keeps that a reply was read, never the day (issue 14).
    /// </summary>
    public int ReplyReadDays { get; set; } = 30;

    /// <summary>… and in any case this many days after it was imported.</summary>
    public int ReplyMaxDays { get; set; } = 180;

    /// <summary>
    /// A mailbox with no item left (all confirmed, replies deleted) is deleted this many days after its newest item
    /// arrived; its codename then opens nothing. Checking a mailbox does not count: the store keeps no check-in day.
    /// </summary>
    public int MailboxDays { get; set; } = 365;

    /// <summary>How often the retention service runs.</summary>
    public int SweepMinutes { get; set; } = 60;

    public bool IsValid() =>
        ExportedWarnDays >= 1 && UnexportedWarnDays >= 1 && ReplyReadDays >= 0 && ReplyMaxDays >= 1 && ReplyMaxDays >= ReplyReadDays
        && MailboxDays >= 1 && SweepMinutes >= 1;
}
