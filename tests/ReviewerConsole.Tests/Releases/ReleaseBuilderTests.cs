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

    [Test]
    public void Build_FiveNewConcentratedInOneRowOfEveryTablePlusAnEdit_NoTableGivesAwayTheEdit()
    {
        // The auditor's crafted register: release 1 holds 20 incidents; then 5 new ones all in TX, force yes, one month,
        // while one old incident is moved from CA to TX. Every table's change is 5 or more overall, but the edit is a
        // change of 1 in the state and month tables: comparing across tables or releases must not show it.
        var incidents = new List<IncidentRecord>();
        for (int i = 0; i < 20; i++)
        {
            incidents.Add(Incident(i < 10 ? "2019-03" : "2020-05", "2025-01-01T00:00:00.000Z", IncidentOrigins.Source) with { State = i % 2 == 0 ? "TX" : "CA" });
        }

        ReleaseContent first = ReleaseBuilder.Build(incidents, [], "2025-06");
        for (int i = 0; i < 5; i++)
        {
            incidents.Add(Incident("2025-01", "2025-06-01T00:00:00.000Z", IncidentOrigins.Source));
        }

        incidents[1] = incidents[1] with { State = "TX", Month = "2020-05" };

        ReleaseContent second = ReleaseBuilder.Build(incidents, [first.Record], "2025-06");

        Assert.Multiple(() =>
        {
            foreach (PublishedTable table in second.Record.Tables)
            {
                PublishedTable old = first.Record.Tables.Single(t => t.Name == table.Name);
                ReleaseSafety.Conflict? conflict = ReleaseSafety.Check(1, ReleaseSafety.View.Of(old, first.Record.Total), ReleaseSafety.View.Of(table, second.Record.Total));
                Assert.That(conflict, Is.Null, $"table {table.Name}: {string.Join(",", conflict?.Rows ?? [])} changed by {conflict?.Change}");
            }

            Assert.That(second.Record.Total, Is.EqualTo(25));
        });
    }

    private static IncidentRecord Incident(string month, string updated, string origin) => new(
        Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), origin, month, "TX", null, "vehicle", "yes", 0, 0, "no", ["unlawful-force"],
        "single-source", null, null, [], ["00000000000000000000000000000000"], updated, updated);
}
