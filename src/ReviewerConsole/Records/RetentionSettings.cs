namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>
/// The vault's retention settings (in meta): the default period (null: cases are kept until destroyed) and how many
/// days before expiry a case is shown as expiring.
/// </summary>
internal sealed record RetentionSettings(RetentionPeriod? Default, int WarnDays)
{
    public const int DefaultWarnDays = 30;

    public const int MaxWarnDays = 365;

    public static RetentionSettings Initial { get; } = new(null, DefaultWarnDays);
}
