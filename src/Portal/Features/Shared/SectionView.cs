using WhistleSubmit.Portal.Localization;

namespace WhistleSubmit.Portal.Features.Shared;

/// <summary>A text section with the anchor it is rendered under; anchors are the same in every language.</summary>
public sealed record SectionView(string Id, TextSection Section);
