using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Retention;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Tests.Retention;

[TestFixture]
public sealed class RetentionPeriodTests
{
    [TestCase("90d", 90, 'd')]
    [TestCase("18m", 18, 'm')]
    [TestCase(" 3y ", 3, 'y')]
    [TestCase("36525d", 36525, 'd')]
    [TestCase("100y", 100, 'y')]
    public void Parse_Valid_CountAndUnit(string text, int count, char unit)
    {
        RetentionPeriod period = RetentionPeriod.Parse(text);

        Assert.That(period, Is.EqualTo(new RetentionPeriod(count, unit)));
        Assert.That(period.ToString(), Is.EqualTo(text.Trim()));
    }

    [TestCase("")]
    [TestCase("3")]
    [TestCase("y")]
    [TestCase("0d")]
    [TestCase("03y")]
    [TestCase("-1y")]
    [TestCase("+1y")]
    [TestCase("3Y")]
    [TestCase("3 y")]
    [TestCase("1w")]
    [TestCase("101y")]
    [TestCase("1201m")]
    [TestCase("36526d")]
    [TestCase("１y")]
    [TestCase("99999999999y")]
    public void Parse_Invalid_Refused(string text) =>
        Assert.That(() => RetentionPeriod.Parse(text), Throws.TypeOf<CliException>().With.Message.Contains("is not a retention period"));

    [TestCase("2024-02-29", "1y", "2025-02-28")]
    [TestCase("2024-02-29", "4y", "2028-02-29")]
    [TestCase("2024-02-29", "12m", "2025-02-28")]
    [TestCase("2023-02-28", "1y", "2024-02-28")]
    [TestCase("2023-01-31", "1m", "2023-02-28")]
    [TestCase("2024-01-31", "1m", "2024-02-29")]
    [TestCase("2024-03-31", "1m", "2024-04-30")]
    [TestCase("2023-01-01", "365d", "2024-01-01")]
    [TestCase("2024-01-01", "365d", "2024-12-31")]
    [TestCase("2024-02-28", "1d", "2024-02-29")]
    [TestCase("2023-02-28", "1d", "2023-03-01")]
    [TestCase("2026-12-07", "3y", "2029-12-07")]
    [TestCase("2026-12-31", "18m", "2028-06-30")]
    public void AddTo_Day_CalendarArithmetic(string start, string period, string expected)
    {
        DateOnly result = RetentionPeriod.Parse(period).AddTo(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(result, Is.EqualTo(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
