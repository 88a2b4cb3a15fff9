using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Statistics;

namespace WhistleSubmit.ReviewerConsole.Releases;

/// <summary>
/// What a release says, before it is written: public-record incidents row by row, and the source-derived counts,
/// suppressed (<see cref="Source"/>, the tables as the stats export writes them), plus the same counts for the
/// public-record incidents (<see cref="PublicCounts"/>, exact: they are public already) for the charts. Built only
/// from the vault's state, never from the clock, so the same state gives the same bytes. <see cref="CountsSince"/> is the
/// first release of the unbroken run that published exactly these source-derived counts (the report says it, whether they
/// were carried forward or nothing changed, so the words give nothing away); <see cref="CarriedFrom"/> tells only the
/// reviewer that they were carried forward.
/// </summary>
internal sealed record ReleaseContent(
    int Number,
    string AsOf,
    IReadOnlyList<IncidentRecord> PublicRecords,
    IncidentDataset Source,
    IReadOnlyList<StatsTable> PublicCounts,
    ReleaseRecord Record,
    int CountsSince,
    int? CarriedFrom);
