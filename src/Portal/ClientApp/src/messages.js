// What the browser path says on the page, in the page's language (<html lang>). Kept beside the script that shows it
// because it is only ever shown by that script; the server-rendered text lives in src/Portal/Localization.
/** Bytes as MiB with one decimal, in the page's language. */
const mib = (lang, n) => (n / 2 ** 20).toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const en = {
  working: "Working…",
  keys: "Creating your codename and keys in this browser…",
  pow: "Proving this is not an automated flood (this takes a few seconds; the page is working)…",
  powTried: (n) => `Proving this is not an automated flood: ${n.toLocaleString("en")} attempts so far…`,
  upload: (pct, done, total) => `Encrypting in this browser and sending: ${pct} % done (${mib("en", done)} of ${mib("en", total)} MiB).`,
  retry: (s, done, total) =>
    `The connection dropped. ${total ? `The server already holds ${mib("en", done)} of ${mib("en", total)} MiB; nothing is lost. ` : ""}` +
    `Trying again in ${s} seconds; keep this page open.`,
  complete: "Finishing…",
  replies: "Fetching replies…",
  scriptLoading:
    "Nothing has been sent yet: this page is still loading the code that encrypts in your browser. It goes on by " +
    "itself as soon as that code is here; keep this page open.",
  scriptFailed:
    "The code that encrypts in your browser could not load. Nothing has been sent. If you press the button again, " +
    "the form is sent as without JavaScript: the server encrypts it on arrival. You can also reload the page to try again.",
  progressLabel: "Progress",
  // The report's confirmation is the server's own (the <template> in Submit.cshtml); these match the no-JS mailbox.
  sentTitle: "Your message was received",
  sentBody: "It is stored encrypted for the reviewers, together with your report. Receipt:",
  noReplies: "No replies yet. Check again in a few days.",
  repliesTitle: "Replies from the reviewers",
  unreadable: "This reply could not be decrypted.",
  unverified:
    "Warning: this reply is not signed by the reviewers, so it is not shown. Someone else, such as whoever controls " +
    "this server, may have written or changed it. Do not act on it; you can tell the reviewers in a message.",
  followupTitle: "Send more information",
  followupText: "Message",
  followupFiles: "Files (optional)",
  followupSend: "Encrypt and send",
  mailboxPath: "Your codename stayed in this browser; replies were decrypted here.",
  pathSubmit:
    "JavaScript is on, so this browser encrypts your report and files before anything is sent. The server " +
    "receives only encrypted data that only the reviewers can open.",
  pathMailbox:
    "JavaScript is on, so your codename stays in this browser: it works out your keys here, sends the server only " +
    "a mailbox key derived from it, and decrypts the replies here.",
  caseStatus: {
    heading: "Status of your report",
    none: "The reviewers have not set a status yet.",
    statuses: {
      received: "Received: the reviewers have your report.",
      "under-review": "Under review: the reviewers are looking into it.",
      referred: "Referred: the reviewers have passed the case on.",
      closed: "Closed: the reviewers have finished their work on this case.",
    },
    referredTo: (to) => `Referred to: ${to}`,
    since: (day) => `Since ${day}. Signed by the reviewers.`,
    consentHeading: "The reviewers ask your permission",
    asked: (day) => `Asked on ${day}. Signed by the reviewers.`,
    consentIntro:
      "May the reviewers share your case with each of these? Your answer is encrypted for the reviewers only. Without " +
      "your yes, the case can still go there, but only if two reviewers agree, and that is recorded.",
    destinations: {
      osc: "The Office of Special Counsel (OSC)",
      oig: "An Office of Inspector General, such as the DHS OIG",
      congress: "Congress: a member's office or a committee",
      lawyer: "A lawyer",
      press: "The press: journalists",
    },
    yes: "Yes",
    no: "No",
    send: "Send my answer",
    sentTitle: "Your answer was sent",
    sentBody: "It is stored encrypted for the reviewers. Receipt:",
  },
  errors: {
    field: "Please check this answer:",
    mailbox: "No mailbox found for this codename. Check the words and try again.",
    // Same words as the no-JS mailbox (src/Portal/Localization, Mailbox.WrongWordCount and UnknownWord).
    codenameCount: (n) => `A codename has eight words; you entered ${n}. Check that no word is missing, joined or split.`,
    codenameWord: (w) => `“${w}” is not one of the codename words. Check its spelling.`,
    size: "The files are larger than this portal accepts. Send fewer or smaller files.",
    quota: "The portal is busy or full right now. Please try again later.",
    rejected: "The portal refused the upload. Please reload the page and try again.",
    network: "The connection failed and did not come back. Nothing was lost on your computer; please try again.",
    internal: "Something went wrong in this browser. You can turn JavaScript off and use the basic form instead.",
    recipients:
      "Nothing was sent. This portal offered keys that the reviewers did not sign, so your browser refused to " +
      "encrypt to them: the site may have been tampered with. Do not send anything here; if you can, tell the " +
      "reviewers through another channel.",
  },
};

const es = {
  working: "Procesando…",
  keys: "Creando su nombre clave y sus llaves en este navegador…",
  pow: "Comprobando que esto no es un envío automatizado (tarda unos segundos; la página está trabajando)…",
  powTried: (n) => `Comprobando que esto no es un envío automatizado: ${n.toLocaleString("es")} intentos hasta ahora…`,
  upload: (pct, done, total) => `Cifrando en este navegador y enviando: ${pct} % completado (${mib("es", done)} de ${mib("es", total)} MiB).`,
  retry: (s, done, total) =>
    `Se cortó la conexión. ${total ? `El servidor ya tiene ${mib("es", done)} de ${mib("es", total)} MiB; no se perdió nada. ` : ""}` +
    `Se volverá a intentar en ${s} segundos; mantenga esta página abierta.`,
  complete: "Terminando…",
  replies: "Buscando respuestas…",
  scriptLoading:
    "Todavía no se envió nada: esta página sigue cargando el código que cifra en su navegador. Seguirá sola " +
    "en cuanto ese código esté aquí; mantenga esta página abierta.",
  scriptFailed:
    "No se pudo cargar el código que cifra en su navegador. No se envió nada. Si vuelve a pulsar el botón, el " +
    "formulario se envía como sin JavaScript: el servidor lo cifra al recibirlo. También puede recargar la página para intentarlo de nuevo.",
  progressLabel: "Progreso",
  sentTitle: "Recibimos su mensaje",
  sentBody: "Se guardó cifrado para los revisores, junto con su denuncia. Comprobante:",
  noReplies: "Todavía no hay respuestas. Vuelva a mirar en unos días.",
  repliesTitle: "Respuestas de los revisores",
  unreadable: "No se pudo descifrar esta respuesta.",
  unverified:
    "Advertencia: esta respuesta no está firmada por los revisores, así que no se muestra. Otra persona, por ejemplo " +
    "quien controla este servidor, puede haberla escrito o cambiado. No haga caso de ella; puede avisar a los " +
    "revisores en un mensaje.",
  followupTitle: "Enviar más información",
  followupText: "Mensaje",
  followupFiles: "Archivos (opcional)",
  followupSend: "Cifrar y enviar",
  mailboxPath: "Su nombre clave no salió de este navegador; las respuestas se descifraron aquí.",
  pathSubmit:
    "JavaScript está activado: este navegador cifra su denuncia y sus archivos antes de enviar nada. El servidor " +
    "recibe solo datos cifrados que únicamente los revisores pueden abrir.",
  pathMailbox:
    "JavaScript está activado: su nombre clave no sale de este navegador. Aquí se calculan sus llaves, al servidor " +
    "solo se envía una llave de buzón derivada de él, y las respuestas se descifran aquí.",
  caseStatus: {
    heading: "Estado de su denuncia",
    none: "Los revisores todavía no indicaron un estado.",
    statuses: {
      received: "Recibida: los revisores tienen su denuncia.",
      "under-review": "En revisión: los revisores la están estudiando.",
      referred: "Remitida: los revisores enviaron el caso a otra instancia.",
      closed: "Cerrada: los revisores terminaron su trabajo en este caso.",
    },
    referredTo: (to) => `Remitida a: ${to}`,
    since: (day) => `Desde el ${day}. Firmado por los revisores.`,
    consentHeading: "Los revisores le piden permiso",
    asked: (day) => `Pedido el ${day}. Firmado por los revisores.`,
    consentIntro:
      "¿Pueden los revisores compartir su caso con cada una de estas instancias? Su respuesta se cifra solo para los " +
      "revisores. Sin su sí, el caso puede ir igual, pero solo si dos revisores están de acuerdo, y eso queda registrado.",
    destinations: {
      osc: "La Oficina del Fiscal Especial (OSC)",
      oig: "Una Oficina del Inspector General, como la OIG del DHS",
      congress: "El Congreso: la oficina de un miembro o una comisión",
      lawyer: "Un abogado o una abogada",
      press: "La prensa: periodistas",
    },
    yes: "Sí",
    no: "No",
    send: "Enviar mi respuesta",
    sentTitle: "Enviamos su respuesta",
    sentBody: "Queda guardada cifrada para los revisores. Comprobante:",
  },
  errors: {
    field: "Revise esta respuesta:",
    mailbox: "No se encontró ningún buzón con este nombre clave. Revise las palabras e inténtelo de nuevo.",
    codenameCount: (n) => `Un nombre clave tiene ocho palabras; usted escribió ${n}. Revise que no falte, sobre ni se haya partido ninguna.`,
    codenameWord: (w) => `«${w}» no es una de las palabras de los nombres clave. Revise cómo se escribe.`,
    size: "Los archivos superan el tamaño que acepta este portal. Envíe menos archivos o archivos más pequeños.",
    quota: "El portal está ocupado o lleno en este momento. Inténtelo más tarde.",
    rejected: "El portal rechazó el envío. Vuelva a cargar la página e inténtelo de nuevo.",
    network: "La conexión falló y no volvió. No se perdió nada en su computadora; inténtelo de nuevo.",
    internal: "Algo salió mal en este navegador. Puede desactivar JavaScript y usar el formulario básico.",
    recipients:
      "No se envió nada. Este portal ofreció claves que los revisores no firmaron, así que su navegador se negó a " +
      "cifrar para ellas: es posible que el sitio haya sido manipulado. No envíe nada aquí; si puede, avise a los " +
      "revisores por otro medio.",
  },
};

/** @param {string} lang */
export function messages(lang) {
  return lang === "es" ? es : en;
}
