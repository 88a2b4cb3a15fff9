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

        Assert.That(CaseListRow.Format(summary), Does.StartWith("0a41c1ae new           - M    text"));
        Assert.That(CaseListRow.Format(summary with { Case = record with { Unread = 0 } }), Does.StartWith("0a41c1ae new           -      text"));
    }
}
