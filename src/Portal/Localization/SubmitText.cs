using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Portal.Features.NoScript;

namespace WhistleSubmit.Portal.Localization;

/// <summary>The strings of the report form, its result and its errors, for one language (in EnglishText / SpanishText).</summary>
public sealed record SubmitText
{
    public required string LinkText { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<string> Intro { get; init; }
    public required string PathHeading { get; init; }
    public required string PathServer { get; init; }
    public required string TicketNote { get; init; }
    public required string ErrorSummaryTitle { get; init; }
    public required string ChooseFilesAgain { get; init; }
    public required IReadOnlyDictionary<FieldError, string> Errors { get; init; }
    public required string Optional { get; init; }
    public required string RelationshipLegend { get; init; }
    public required IReadOnlyDictionary<Relationship, string> Relationships { get; init; }
    public required string ComponentLegend { get; init; }
    public required IReadOnlyDictionary<Component, string> Components { get; init; }
    public required string CategoriesLegend { get; init; }
    public required string CategoriesHint { get; init; }
    public required IReadOnlyDictionary<Category, string> Categories { get; init; }
    public required string WhenLegend { get; init; }
    public required string WhenHint { get; init; }
    public required string WhenFrom { get; init; }
    public required string WhenTo { get; init; }
    public required string WhereLegend { get; init; }
    public required string WhereWarning { get; init; }
    public required string WhereState { get; init; }
    public required string WhereStateHint { get; init; }
    public required string WherePlace { get; init; }
    public required string PeopleLegend { get; init; }
    public required string PeopleCount { get; init; }
    public required string PeopleCitizens { get; init; }
    public required string HarmLegend { get; init; }
    public required string HarmForce { get; init; }
    public required string HarmInjuries { get; init; }
    public required string HarmDeaths { get; init; }
    public required string CountHint { get; init; }
    public required IReadOnlyDictionary<Answer, string> Answers { get; init; }
    public required string Evidence { get; init; }
    public required string EvidenceHint { get; init; }
    public required string InternalLegend { get; init; }
    public required string Reported { get; init; }
    public required string Channels { get; init; }
    public required IReadOnlyDictionary<ReportingChannel, string> ChannelNames { get; init; }
    public required string Outcome { get; init; }
    public required string Retaliation { get; init; }
    public required string RetaliationHint { get; init; }
    public required string Description { get; init; }
    public required string DescriptionHint { get; init; }
    public required string Files { get; init; }

    /// <summary>Hint for the file input; {0} is the total size limit, {1} the most files.</summary>
    public required string FilesHint { get; init; }

    /// <summary>Under the file field: without JavaScript nothing is checked or cleaned, and how to clean first (docs/PORTAL.md#hidden-metadata).</summary>
    public required string FilesMetadata { get; init; }

    /// <summary>What portal.js puts in place of <see cref="FilesMetadata"/> once it runs (the browser checks each file).</summary>
    public required string FilesMetadataScript { get; init; }
    public required string SendButton { get; init; }

    public required string ResultTitle { get; init; }
    public required string CodenameHeading { get; init; }
    public required IReadOnlyList<string> CodenameAdvice { get; init; }
    public required string ReceiptLabel { get; init; }
    public required string ReceiptHint { get; init; }
    public required string ResultPathHeading { get; init; }
    public required IReadOnlyList<string> ResultPathServer { get; init; }
    public required IReadOnlyList<string> ResultPathBrowser { get; init; }
    public required string FilesSentHeading { get; init; }
    public required string NoFilesSent { get; init; }
    public required string ResultMailboxLink { get; init; }

    public required string SubmittedTitle { get; init; }
    public required string SubmittedBody { get; init; }

    public required string ProblemTitle { get; init; }
    public required IReadOnlyDictionary<FormProblem, string> Problems { get; init; }
    public required string BackToForm { get; init; }
}
