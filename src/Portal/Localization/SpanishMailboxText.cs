namespace WhistleSubmit.Portal.Localization;

/// <summary>The Spanish strings of the mailbox (part of <see cref="SpanishText"/>).</summary>
public static class SpanishMailboxText
{
    public static readonly MailboxText Instance = new()
    {
        LinkText = "Consultar respuestas",
        Title = "Consultar respuestas",
        Intro = "Escriba el nombre clave que recibió al enviar su denuncia: ocho palabras. Verá las respuestas " +
            "de los revisores y podrá enviar más información.",
        PathHeading = "Cómo se protegen sus respuestas",
        PathServer = "JavaScript está desactivado en su navegador, así que el servidor convertirá su nombre " +
            "clave en sus claves y descifrará las respuestas en su memoria, solo para mostrárselas ahora; no " +
            "guarda nada descifrado. Con JavaScript activado, su navegador lo hace por sí mismo y el servidor " +
            "nunca ve su nombre clave.",
        CodenameLabel = "Nombre clave",
        CodenameHint = "Ocho palabras separadas por espacios. Las mayúsculas no importan.",
        OpenButton = "Abrir mi buzón",
        NotFound = "No se encontró ningún buzón con este nombre clave. Revise las palabras e inténtelo de nuevo.",
        Busy = "Muchas personas están consultando en este momento. Espere un minuto e inténtelo de nuevo.",
        WrongWordCount = "Un nombre clave tiene ocho palabras; usted escribió {0}. Revise que no falte, sobre ni se haya partido ninguna.",
        UnknownWord = "«{0}» no es una de las palabras de los nombres clave. Revise cómo se escribe.",
        RepliesHeading = "Respuestas de los revisores",
        NoReplies = "Todavía no hay respuestas. Los revisores pueden tardar varios días. Vuelva a consultar más adelante.",
        ReplyHeading = "Respuesta recibida el {0} (UTC)",
        Unreadable = "No se pudo descifrar esta respuesta. Puede mencionarlo a los revisores en un mensaje.",
        Unverified = "Advertencia: esta respuesta no está firmada por los revisores, así que no se muestra. Otra persona, por ejemplo quien controla "
            + "este servidor, puede haberla escrito o cambiado. No haga caso de ella; puede avisar a los revisores en un mensaje.",
        ResultPath = "El servidor descifró estas respuestas en su memoria con claves obtenidas de su nombre " +
            "clave, solo para mostrarlas ahora. No guardó su nombre clave ni el texto descifrado. Las respuestas " +
            "que ya vio se marcan como leídas para poder borrarlas más tarde.",
        FollowupHeading = "Enviar más información",
        FollowupText = "Su mensaje",
        FollowupTextHint = "Responda a las preguntas de los revisores o añada lo que recuerde. Con el mismo " +
            "cuidado: omita detalles que solo usted conocería.",
        FollowupFiles = "Adjuntar archivos",
        FollowupButton = "Cifrar y enviar",
        FollowupNotSentTitle = "Su mensaje todavía no se envió",
        FollowupTooSoon = "El formulario se envió a los pocos segundos de cargarse. Para frenar envíos automatizados debe " +
            "esperar un momento. No se guardó nada. Su mensaje se conserva abajo: espere unos segundos y vuelva a enviarlo.",
        FollowupSentTitle = "Recibimos su mensaje",
        FollowupSentBody = "Se guardó cifrado para los revisores, junto con su denuncia. Comprobante:",
        FollowupPathHeading = "Cómo se protegió su mensaje",
        FollowupPath = "Como JavaScript estaba desactivado, el servidor cifró su mensaje y sus archivos en " +
            "memoria a medida que llegaban y guardó solo el resultado cifrado.",
        CloseAdvice = "Cuando termine, cierre el Navegador Tor.",
        ProblemTitle = "No funcionó",
        BackToMailbox = "Volver al buzón",
    };
}
