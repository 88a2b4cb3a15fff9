using System.Globalization;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>
/// How long a case is kept: a whole number of days, months or years, written <c>90d</c>, <c>18m</c>, <c>3y</c>.
/// Calendar arithmetic on days (UTC): a month or year added to a day that the target month lacks lands on that
/// month's last day (31 January + 1m = 28 or 29 February; 29 February + 1y = 28 February), as
/// <see cref="DateOnly.AddMonths"/> does.
/// </summary>
internal sealed record RetentionPeriod(int Count, char Unit)
{
    /// <summary>At most a century: anything longer is "keep" in all but name, and a typo should not make it so.</summary>
    public const int MaxDays = 36_525;

    public const int MaxMonths = 1_200;

    public const int MaxYears = 100;

    public static RetentionPeriod Parse(string text)
    {
        string t = text.Trim();
        if (t.Length is >= 2 and <= 6 && t[^1] is 'd' or 'm' or 'y' && t[..^1].All(char.IsAsciiDigit) && t[0] != '0'
            && int.TryParse(t[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            && count <= (t[^1] switch { 'd' => MaxDays, 'm' => MaxMonths, _ => MaxYears }))
        {
            return new RetentionPeriod(count, t[^1]);
        }

        throw new CliException($"\"{TerminalText.Line(text, 20)}\" is not a retention period",
            $"write a whole number and d, m or y, like 90d, 18m or 3y (at most {MaxDays}d, {MaxMonths}m, {MaxYears}y)");
    }

    /// <summary>The day a case whose clock started on <paramref name="start"/> is due for destruction.</summary>
    public DateOnly AddTo(DateOnly start) => Unit switch
    {
        'd' => start.AddDays(Count),
        'm' => start.AddMonths(Count),
        _ => start.AddYears(Count),
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Count}{Unit}");
}
