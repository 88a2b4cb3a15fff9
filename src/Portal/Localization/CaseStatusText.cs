namespace WhistleSubmit.Portal.Localization;

/// <summary>
/// The mailbox's strings for the case status and consent requests (issues 18 and 19), in English and Spanish. Kept
/// apart from <see cref="MailboxText"/>; the browser's copies are in ClientApp/src/messages.js (<c>caseStatus</c>).
/// </summary>
public sealed record CaseStatusText
{
    public required string StatusHeading { get; init; }
    public required string NoStatus { get; init; }

    /// <summary>By status id: received, under-review, referred, closed.</summary>
    public required IReadOnlyDictionary<string, string> Statuses { get; init; }

    /// <summary>{0} is to whom, in the reviewers' words.</summary>
    public required string ReferredTo { get; init; }

    /// <summary>{0} is the signed day.</summary>
    public required string Since { get; init; }
    public required string ConsentHeading { get; init; }

    /// <summary>{0} is the signed day the reviewers asked.</summary>
    public required string ConsentAsked { get; init; }
    public required string ConsentIntro { get; init; }

    /// <summary>By destination id: osc, oig, congress, lawyer, press.</summary>
    public required IReadOnlyDictionary<string, string> Destinations { get; init; }
    public required string Yes { get; init; }
    public required string No { get; init; }
    public required string ConsentButton { get; init; }
    public required string ConsentMissing { get; init; }
    public required string ConsentSentTitle { get; init; }
    public required string ConsentSentBody { get; init; }

    public static CaseStatusText For(string languageCode) => languageCode == "es" ? Spanish : English;

    public static readonly CaseStatusText English = new()
    {
        StatusHeading = "Status of your report",
        NoStatus = "The reviewers have not set a status yet.",
        Statuses = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["received"] = "Received: the reviewers have your report.",
            ["under-review"] = "Under review: the reviewers are looking into it.",
            ["referred"] = "Referred: the reviewers have passed the case on.",
            ["closed"] = "Closed: the reviewers have finished their work on this case.",
        },
        ReferredTo = "Referred to: {0}",
        Since = "Since {0}. Signed by the reviewers.",
        ConsentHeading = "The reviewers ask your permission",
        ConsentAsked = "Asked on {0}. Signed by the reviewers.",
        ConsentIntro = "May the reviewers share your case with each of these? Your answer is encrypted for the reviewers " +
            "only. Without your yes, the case can still go there, but only if two reviewers agree, and that is recorded.",
        Destinations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["osc"] = "The Office of Special Counsel (OSC)",
            ["oig"] = "An Office of Inspector General, such as the DHS OIG",
            ["congress"] = "Congress: a member's office or a committee",
            ["lawyer"] = "A lawyer",
            ["press"] = "The press: journalists",
        },
        Yes = "Yes",
        No = "No",
        ConsentButton = "Send my answer",
        ConsentMissing = "Choose yes or no for each, then send again.",
        ConsentSentTitle = "Your answer was sent",
        ConsentSentBody = "It is stored encrypted for the reviewers. Receipt:",
    };

    public static readonly CaseStatusText Spanish = new()
    {
        StatusHeading = "Estado de su denuncia",
        NoStatus = "Los revisores todavía no indicaron un estado.",
        Statuses = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["received"] = "Recibida: los revisores tienen su denuncia.",
            ["under-review"] = "En revisión: los revisores la están estudiando.",
            ["referred"] = "Remitida: los revisores enviaron el caso a otra instancia.",
            ["closed"] = "Cerrada: los revisores terminaron su trabajo en este caso.",
        },
        ReferredTo = "Remitida a: {0}",
        Since = "Desde el {0}. Firmado por los revisores.",
        ConsentHeading = "Los revisores le piden permiso",
        ConsentAsked = "Pedido el {0}. Firmado por los revisores.",
        ConsentIntro = "¿Pueden los revisores compartir su caso con cada una de estas instancias? Su respuesta se cifra " +
            "solo para los revisores. Sin su sí, el caso puede ir igual, pero solo si dos revisores están de acuerdo, y eso queda registrado.",
        Destinations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["osc"] = "La Oficina del Fiscal Especial (OSC)",
            ["oig"] = "Una Oficina del Inspector General, como la OIG del DHS",
            ["congress"] = "El Congreso: la oficina de un miembro o una comisión",
            ["lawyer"] = "Un abogado o una abogada",
            ["press"] = "La prensa: periodistas",
        },
        Yes = "Sí",
        No = "No",
        ConsentButton = "Enviar mi respuesta",
        ConsentMissing = "Elija sí o no para cada una y vuelva a enviar.",
        ConsentSentTitle = "Enviamos su respuesta",
        ConsentSentBody = "Queda guardada cifrada para los revisores. Comprobante:",
    };
}
