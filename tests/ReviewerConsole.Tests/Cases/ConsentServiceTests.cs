using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Tests.Cases;

/// <summary>
/// Which consent answer counts, against a portal that chooses the order answers arrive in and can replay an earlier
/// answer under a new item id: only answers to the newest request about a destination count, and disagreeing answers
/// to it count as "no".
/// </summary>
public class ConsentServiceTests
{
    private const string Case = "c";

    private static ReplyRecord Request(string id, string time, params string[] destinations) =>
        new(id, Case, "m", time, "ana", "asked", 1, "s", null, null, ReplyRecord.ConsentRequestKind, Destinations: destinations);

    private static ConsentRecord Answer(string item, string request, string time, string destination, string answer) =>
        new(item, Case, request, time, [(destination, answer)]);

    [Test]
    public void Latest_OnlyAnswer_Counts()
    {
        var answers = ConsentService.Latest([Answer("i1", "r1", "2026-12-02", "press", "yes")], [Request("r1", "2026-12-01", "press")]);

        Assert.That(answers.Select(a => (a.Destination, a.Answer)), Is.EqualTo(new[] { ("press", "yes") }));
    }

    [Test]
    public void Latest_EarlierYesReplayedAfterNo_CountsAsNo()
    {
        ConsentRecord[] records =
        [
            Answer("i1", "r1", "2026-12-02", "press", "yes"),
            Answer("i2", "r1", "2026-12-03", "press", "no"),
            Answer("i3", "r1", "2026-12-04", "press", "yes"), // the same bytes as i1, sent again by the portal
        ];

        var answers = ConsentService.Latest(records, [Request("r1", "2026-12-01", "press")]);

        Assert.That(answers.Single().Answer, Is.EqualTo("no"));
    }

    [Test]
    public void Latest_AnswerToAnOlderRequestDeliveredLast_DoesNotCount()
    {
        ConsentRecord[] records =
        [
            Answer("i2", "r2", "2026-12-05", "press", "no"),
            Answer("i1", "r1", "2026-12-06", "press", "yes"), // held back by the portal and delivered after the newer "no"
        ];

        var answers = ConsentService.Latest(records, [Request("r1", "2026-12-01", "press"), Request("r2", "2026-12-04", "press")]);

        Assert.That(answers.Single().Answer, Is.EqualTo("no"));
    }

    [Test]
    public void Latest_NewerRequestUnanswered_OlderYesNoLongerCounts()
    {
        var answers = ConsentService.Latest(
            [Answer("i1", "r1", "2026-12-02", "press", "yes")],
            [Request("r1", "2026-12-01", "press"), Request("r2", "2026-12-04", "press", "osc")]);

        Assert.That(answers, Is.Empty, "the newer question about the press is open: an export needs a second reviewer");
    }

    [Test]
    public void Latest_OtherDestinationOfTheOlderRequest_StillCounts()
    {
        var answers = ConsentService.Latest(
            [new ConsentRecord("i1", Case, "r1", "2026-12-02", [("osc", "yes"), ("press", "yes")])],
            [Request("r1", "2026-12-01", "osc", "press"), Request("r2", "2026-12-04", "press")]);

        Assert.That(answers.Select(a => (a.Destination, a.Answer)), Is.EqualTo(new[] { ("osc", "yes") }));
    }
}
