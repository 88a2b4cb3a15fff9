using System.CommandLine;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Register;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Commands.Register;

/// <summary>The field options 'incident create' and 'incident edit' share, and reading them into an <see cref="IncidentInput"/>.</summary>
internal sealed class IncidentFieldOptions
{
    public Option<string?> Month { get; } = new("--month") { Description = "The month the incident happened, yyyy-mm.", HelpName = "YYYY-MM" };

    public Option<string?> State { get; } = new("--state") { Description = "State, DC or territory code (TX, PR, …); \"\" for not known.", HelpName = "XX" };

    public Option<string?> FieldOffice { get; } = new("--field-office") { Description = $"ICE field office or place name (≤ {IncidentFields.MaxFieldOffice} characters; published for public-record incidents only).", HelpName = "TEXT" };

    public Option<string?> Facility { get; } = new("--facility") { Description = $"Type of place: {string.Join(", ", IncidentFields.Facilities)}.", HelpName = "TYPE" };

    public Option<string?> Force { get; } = new("--force") { Description = "Force used: yes, no or unknown.", HelpName = "ANSWER" };

    public Option<string?> Injuries { get; } = new("--injuries") { Description = "Number of people injured; \"\" for not known.", HelpName = "N" };

    public Option<string?> Deaths { get; } = new("--deaths") { Description = "Number of people who died; \"\" for not known.", HelpName = "N" };

    public Option<string?> Citizens { get; } = new("--citizens-detained") { Description = "U.S. citizens or LPRs detained: yes, no or unknown.", HelpName = "ANSWER" };

    public Option<string[]> Category { get; } = new("--category") { Description = $"A category (repeatable; replaces the set): {string.Join(", ", Documents.AllCategoryIds)}.", HelpName = "C" };

    public Option<bool> NoCategories { get; } = new("--no-categories") { Description = "Clear the categories." };

    public Option<string?> Summary { get; } = new("--summary") { Description = $"What happened, one line (≤ {IncidentFields.MaxSummary:N0} characters). Published for public-record incidents only.", HelpName = "TEXT" };

    public Option<string?> Assessment { get; } = new("--assessment") { Description = "The reviewers' own assessment. Never published.", HelpName = "TEXT" };

    public Option<string[]> Cite { get; } = new("--cite") { Description = $"Add a citation, KIND=REFERENCE (repeatable). Kinds: {string.Join(", ", IncidentFields.CitationKinds)}.", HelpName = "KIND=REF" };

    public IEnumerable<Option> All => [Month, State, FieldOffice, Facility, Force, Injuries, Deaths, Citizens, Category, NoCategories, Summary, Assessment, Cite];

    public void AddTo(Command command)
    {
        foreach (Option option in All)
        {
            command.Options.Add(option);
        }
    }

    public IncidentInput Read(ParseResult parse, IReadOnlyList<int>? removeCitations = null)
    {
        string[] categories = parse.GetValue(Category) ?? [];
        if (categories.Length > 0 && parse.GetValue(NoCategories))
        {
            throw new CliException("--category and --no-categories contradict each other");
        }

        return new IncidentInput
        {
            Month = parse.GetValue(Month),
            State = parse.GetValue(State),
            FieldOffice = parse.GetValue(FieldOffice),
            Facility = parse.GetValue(Facility),
            Force = parse.GetValue(Force),
            Injuries = parse.GetValue(Injuries),
            Deaths = parse.GetValue(Deaths),
            CitizensDetained = parse.GetValue(Citizens),
            Categories = parse.GetValue(NoCategories) ? [] : categories.Length > 0 ? categories : null,
            Summary = parse.GetValue(Summary),
            Assessment = parse.GetValue(Assessment),
            AddCitations = [.. (parse.GetValue(Cite) ?? []).Select(ParseCitation)],
            RemoveCitations = removeCitations ?? [],
        };
    }

    private static (string, string) ParseCitation(string text)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 ? (text[..equals].Trim(), text[(equals + 1)..])
            : throw new CliException($"--cite \"{TerminalText.Line(text, 40)}\" is not KIND=REFERENCE", $"e.g. --cite \"oig=OIG-18-32, Concerns about ICE Detainee Treatment (2017)\"; kinds: {string.Join(", ", IncidentFields.CitationKinds)}");
    }
}
