namespace WhistleSubmit.Portal.Features.NoScript;

/// <summary>
/// The questionnaire's field names: ReportV1's JSON property names, nested ones as dotted paths (the browser path's
/// script reads the same form, docs/PORTAL.md#pages). Values of choices are the schema's kebab-case ids.
/// </summary>
public static class ReportFields
{
    public const string Relationship = "relationship";
    public const string Component = "component";
    public const string Categories = "categories";
    public const string WhenFrom = "when.from";
    public const string WhenTo = "when.to";
    public const string WhereState = "where.state";
    public const string WherePlace = "where.place";
    public const string PeopleCount = "peopleAffected.count";
    public const string PeopleCitizens = "peopleAffected.citizensOrResidents";
    public const string HarmForce = "harm.force";
    public const string HarmInjuries = "harm.injuries";
    public const string HarmDeaths = "harm.deaths";
    public const string Evidence = "evidence";
    public const string Reported = "internalReporting.reported";
    public const string Channels = "internalReporting.channels";
    public const string Outcome = "internalReporting.outcome";
    public const string Retaliation = "retaliation";
    public const string Description = "description";

    /// <summary>The follow-up message (MessageV1 "text").</summary>
    public const string Text = "text";

    /// <summary>The hidden mailbox token of the follow-up form (64 hex, as in the upload API).</summary>
    public const string MailboxToken = "mailboxToken";

    /// <summary>
    /// The hidden case key of the follow-up form (64 hex): derived with the mailbox token from the codename the source
    /// typed, and handed back so that message.json v2 can carry it (docs/FORMATS.md#case-proof). Never stored.
    /// </summary>
    public const string CaseKey = "caseKey";

    /// <summary>The no-JS form ticket (<see cref="FormTokens"/>).</summary>
    public const string FormToken = "formToken";

    /// <summary>ASP.NET Core antiforgery's field name; the page puts it first so it is checked before any file arrives.</summary>
    public const string Antiforgery = "__RequestVerificationToken";

    public const int LongText = 100_000;
    public const int ShortText = 10_000;

    /// <summary>Every text field of the report form with its character limit (ReportV1's schema bounds).</summary>
    public static readonly IReadOnlyDictionary<string, int> ReportLimits = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [Relationship] = 64, [Component] = 64, [Categories] = 64, [WhenFrom] = 10, [WhenTo] = 10, [WhereState] = 2,
        [WherePlace] = ShortText, [PeopleCount] = 12, [PeopleCitizens] = 16, [HarmForce] = 16, [HarmInjuries] = 12,
        [HarmDeaths] = 12, [Evidence] = ShortText, [Reported] = 16, [Channels] = 16, [Outcome] = ShortText,
        [Retaliation] = ShortText, [Description] = LongText,
    };

    public static readonly IReadOnlyDictionary<string, int> FollowupLimits = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [Text] = LongText,
    };

    /// <summary>Enough for every field once and every checkbox of both lists.</summary>
    public const int MaxFieldValues = 48;
}
