namespace WhistleSubmit.Portal.Localization;

/// <summary>A heading, an optional lead paragraph and a list of points: the shape of every landing-page section.</summary>
public sealed record TextSection(string Heading, string? Lead, IReadOnlyList<string> Points);
