using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Tui;

namespace WhistleSubmit.ReviewerConsole.Tests.Tui;

public sealed class CaseListRowTests
{
    [Test]
    public void Format_UnreadMessages_FlaggedM()
    {
        var record = new CaseRecord("0a41c1ae" + new string('0', 24), "m", CaseStatus.New, null, null, [], "2026-12-07T00:00:00Z",
            "2026-12-07T00:00:00Z", null, Unread: 2);
        var summary = new CaseSummary(record, 1, 2, 0, 0, 0, [], "text", false, false);

        Assert.That(CaseListRow.Format(summary), Does.StartWith("0a41c1ae new    - M    text"));
        Assert.That(CaseListRow.Format(summary with { Case = record with { Unread = 0 } }), Does.StartWith("0a41c1ae new    -      text"));
    }

    [TestCase("2026-12-07", "X SUMMARY")]
    [TestCase("2026-11-20", "E SUMMARY")]
    [TestCase("2026-01-01", "     SUMMARY")]
    public void Format_Retention_LetterBeforeTheSummary(string today, string expected)
    {
        var record = new CaseRecord(new string('a', 32), "m", CaseStatus.Closed, 5, null, [], "2026-12-07T00:00:00Z",
            "2026-11-07T10:00:00.000Z", null);
        var settings = new WhistleSubmit.ReviewerConsole.Records.RetentionSettings(WhistleSubmit.ReviewerConsole.Records.RetentionPeriod.Parse("1m"), 30);
        var summary = new CaseSummary(record, 1, 0, 0, 0, 0, [], "SUMMARY", false, false)
        {
            Retention = WhistleSubmit.ReviewerConsole.Retention.RetentionStatus.Of(null, settings, record.Updated, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)),
        };

        Assert.That(CaseListRow.Format(summary), Does.EndWith(expected));
    }

    [Test]
    public void Format_At80Columns_LeavesRoomForTheSummary()
    {
        var record = new CaseRecord(new string('a', 32), "m", CaseStatus.Investigating, 5, null, [], "2026-12-07T00:00:00Z",
            "2026-12-07T00:00:00Z", null);
        var summary = new CaseSummary(record, 1, 0, 0, 0, 0, [], "SUMMARY", false, false);

        // The list's inner width at 80 columns is 31; the summary must keep at least 8 of them.
        Assert.That(CaseListRow.Format(summary).IndexOf("SUMMARY", StringComparison.Ordinal), Is.LessThanOrEqualTo(31 - 8));
        Assert.That(CaseListRow.Format(summary), Does.StartWith("aaaaaaaa invest 5"));
    }

    [Test]
    public void Format_RecipientWarning_MarkedAfterTheIdWithoutNarrowingTheSummary()
    {
        var record = new CaseRecord(new string('a', 32), "m", CaseStatus.Investigating, 5, null, [], "2026-12-07T00:00:00Z",
            "2026-12-07T00:00:00Z", null);
        var summary = new CaseSummary(record, 1, 0, 0, 0, 0, [], "SUMMARY", false, false);
        var warned = summary with { RecipientWarning = "⚠ encrypted to 3 recipients; the team has 2" };

        Assert.That(CaseListRow.Format(warned), Does.StartWith("aaaaaaaa!invest 5"));
        Assert.That(CaseListRow.Format(summary), Does.StartWith("aaaaaaaa invest 5"));
        Assert.That(CaseListRow.Format(warned).IndexOf("SUMMARY", StringComparison.Ordinal),
            Is.EqualTo(CaseListRow.Format(summary).IndexOf("SUMMARY", StringComparison.Ordinal)));
    }

    [Test]
    public void Format_CaseProofWarning_MarkedBeforeTheSummary()
    {
        var record = new CaseRecord(new string('b', 32), "m", CaseStatus.New, null, null, [], "2026-12-07T00:00:00Z", "2026-12-07T00:00:00Z", null);
        var summary = new CaseSummary(record, 1, 0, 0, 0, 0, [], "text", false, false, ["conflict"]);

        Assert.That(CaseListRow.Format(summary), Does.EndWith("! text"));
        Assert.That(CaseListRow.Format(summary with { ProofFlags = ["v1"] }), Does.EndWith("     text"), "v1 alone is no warning");
    }
}
