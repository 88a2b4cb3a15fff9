using System.Globalization;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Retention;

/// <summary>
/// One case's retention as of <see cref="Today"/>: the period that applies (its own or the vault's default), the day
/// its clock started (the UTC day of its last activity), the expiry day, the days left (negative once past), and the hold.
/// </summary>
internal sealed record RetentionStatus(
    RetentionState State, RetentionPeriod? Period, bool FromDefault, DateOnly Start, DateOnly? Expires, DateOnly Today, LegalHold? Hold)
{
    public int? DaysLeft => Expires is { } e ? e.DayNumber - Today.DayNumber : null;

    /// <summary>The short flag for tables: <c>hold</c>, <c>due</c>, <c>exp:12d</c>, or null when nothing is near.</summary>
    public string? Flag => State switch
    {
        RetentionState.Held => "hold",
        RetentionState.Due => "due",
        RetentionState.Expiring => string.Create(CultureInfo.InvariantCulture, $"exp:{DaysLeft}d"),
        _ => null,
    };

    /// <summary>One line for 'show' and the TUI's case text.</summary>
    public string Describe()
    {
        string period = Period is null ? "none" : $"{Period}{(FromDefault ? " (vault default)" : " (this case)")}";
        string start = Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string expires = Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
        return State switch
        {
            RetentionState.Held => $"Retention: LEGAL HOLD since {Hold!.Since[..10]} by {Hold.Actor}: {Hold.Reason} (retention {period} suspended; 'destroy' refuses)",
            RetentionState.Unlimited => "Retention: none set (kept until destroyed; 'whistle-review retention --default 3y' sets one)",
            RetentionState.Due => string.Create(CultureInfo.InvariantCulture,
                $"Retention: {period} from last activity {start}: DUE since {expires} ({-DaysLeft} days ago); destroy it with 'whistle-review destroy', or keep it with 'retention ID --period' or 'hold'"),
            RetentionState.Expiring => string.Create(CultureInfo.InvariantCulture,
                $"Retention: {period} from last activity {start}: EXPIRES {expires}, in {DaysLeft} days"),
            _ => string.Create(CultureInfo.InvariantCulture, $"Retention: {period} from last activity {start}: expires {expires}, in {DaysLeft} days"),
        };
    }

    /// <summary>The state for one case (pure: the tests' arithmetic goes through here).</summary>
    public static RetentionStatus Of(CaseRetention? own, RetentionSettings settings, string lastActivity, DateOnly today)
    {
        DateOnly start = DateOnly.ParseExact(lastActivity[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        RetentionPeriod? period = own?.Period ?? settings.Default;
        bool fromDefault = own?.Period is null;
        DateOnly? expires = period?.AddTo(start);
        RetentionState state = own?.Hold is not null ? RetentionState.Held
            : expires is not { } e ? RetentionState.Unlimited
            : e <= today ? RetentionState.Due
            : e.DayNumber - today.DayNumber <= settings.WarnDays ? RetentionState.Expiring
            : RetentionState.Kept;
        return new RetentionStatus(state, period, fromDefault, start, state == RetentionState.Held ? null : expires, today, own?.Hold);
    }
}
