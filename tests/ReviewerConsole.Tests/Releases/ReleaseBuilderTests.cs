using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Releases;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Tests.Releases;

[TestFixture]
public sealed class ReleaseBuilderTests
{
    [Test]
    public void Build_SourceIncidentEditedLater_ReleaseMonthDoesNotTellWhen()
    {
        // The auditor's attack: an incident of 2019 edited in November 2026 dated the release 2026-11, telling a reader
        // that source-derived work happened that month. The release's month comes from incident months only.
        IncidentRecord[] incidents = [Incident("2019-03", "2026-11-20T10:00:00.000Z", IncidentOrigins.Source), Incident("2018-06", "2025-01-02T00:00:00.000Z", IncidentOrigins.Source)];

        ReleaseContent content = ReleaseBuilder.Build(incidents, []);

        Assert.That(content.AsOf, Is.EqualTo("2019-03"));
        Assert.That(content.Record.AsOf, Is.EqualTo("2019-03"));
    }

    [Test]
    public void AsOf_ChosenMonthOrEarlierRelease_TakesTheLatestAndRefusesGoingBack()
    {
        IncidentRecord[] incidents = [Incident("2019-03", "2026-11-20T10:00:00.000Z", IncidentOrigins.Source)];
        ReleaseRecord earlier = new(1, "2021-07", string.Empty, string.Empty, null, []);

        Assert.Multiple(() =>
        {
            Assert.That(ReleaseBuilder.AsOf(incidents, [], "2026-12"), Is.EqualTo("2026-12"));
            Assert.That(ReleaseBuilder.AsOf(incidents, [earlier], null), Is.EqualTo("2021-07"), "never before an earlier release");
            Assert.That(() => ReleaseBuilder.AsOf(incidents, [earlier], "2020-01"), Throws.TypeOf<CliException>().With.Message.Contain("earlier than"));
            Assert.That(() => ReleaseBuilder.AsOf(incidents, [], "2026-13"), Throws.TypeOf<CliException>().With.Message.Contain("yyyy-mm"));
            Assert.That(() => ReleaseBuilder.AsOf(incidents, [], "2026-1"), Throws.TypeOf<CliException>());
        });
    }

    private static IncidentRecord Incident(string month, string updated, string origin) => new(
        Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), origin, month, "TX", null, "vehicle", "yes", 0, 0, "no", ["unlawful-force"],
        "single-source", null, null, [], ["00000000000000000000000000000000"], updated, updated);
}
