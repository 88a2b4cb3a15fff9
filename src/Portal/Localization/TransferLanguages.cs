namespace WhistleSubmit.Portal.Localization;

/// <summary>The transfer interface's texts, by the same language-in-path as the source side (/en/…, /es/…).</summary>
public static class TransferLanguages
{
    public static readonly IReadOnlyList<TransferText> All = [EnglishTransferText.Instance, SpanishTransferText.Instance];

    public static TransferText Current(RouteData routeData) =>
        All.FirstOrDefault(t => t.Code == Languages.Current(routeData).Code) ?? EnglishTransferText.Instance;
}
