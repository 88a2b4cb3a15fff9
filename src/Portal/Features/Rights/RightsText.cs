namespace WhistleSubmit.Portal.Features.Rights;

/// <summary>
/// The rights page in one language: a title, paragraphs before the first heading, then sections. Parsed from a small
/// plain-text format (<see cref="RightsTextParser"/>) whether built in or the operator's, and only ever rendered as text.
/// </summary>
public sealed record RightsText(string Title, IReadOnlyList<RightsBlock> Intro, IReadOnlyList<RightsSection> Sections);

/// <summary>A heading and what follows it up to the next heading.</summary>
public sealed record RightsSection(string Heading, IReadOnlyList<RightsBlock> Blocks);

/// <summary>A paragraph (one line of the file), or a list of consecutive "- " lines.</summary>
public sealed record RightsBlock(IReadOnlyList<string> Lines, bool IsList);
