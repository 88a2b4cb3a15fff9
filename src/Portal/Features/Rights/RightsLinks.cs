using WhistleSubmit.Portal.Localization;

namespace WhistleSubmit.Portal.Features.Rights;

/// <summary>The links to the rights page from the landing page and the form, and the way on from it, per language.</summary>
public sealed record RightsLinks(string LinkText, string FormLead, string ToForm)
{
    private static readonly RightsLinks English = new(
        "Your rights, before you write",
        "Before you write: which disclosures the law protects, where else you can report, and where to find free legal help.",
        "Go to the report form");

    private static readonly RightsLinks Spanish = new(
        "Sus derechos, antes de escribir",
        "Antes de escribir: qué revelaciones protege la ley, dónde más puede denunciar y dónde encontrar ayuda legal gratuita.",
        "Ir al formulario de denuncia");

    public static RightsLinks For(PortalText language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return language.Code == "es" ? Spanish : English;
    }
}
