// What the hidden-metadata chooser says, in the page's language (<html lang>). The tag names found (GPSLatitude,
// Author…) are shown as the files name them: they are the words the tools the source may use (exiftool, mat2) print.
const en = {
  checking: "Checking the chosen files for hidden information, in this browser only (nothing is sent)…",
  checked: (n) => (n === 1 ? "Checked 1 file for hidden information; see below." : `Checked ${n} files for hidden information; see below.`),
  heading: "Hidden information in your files",
  intro:
    "Photos and documents often carry hidden information that can identify you: where a photo was taken, the " +
    "camera's serial number, the author's name, dates. This browser checked each file here; nothing has been sent.",
  found: "Found (this stays in your browser):",
  none: "No identifying hidden information was found.",
  notes: "Not removed (it is part of the document's content; remove it in the document itself if you need to):",
  choice: "What to send",
  cleaned: "A cleaned copy, without this hidden information (recommended)",
  original: "The original file, exactly as it is",
  both: "Both the cleaned copy and the original",
  cleanedNote: "The cleaned copy keeps every pixel and every word; only the hidden information is left out.",
  cannotClean:
    "This page cannot remove the hidden information from this file, so it will be sent exactly as it is. To remove " +
    "it, cancel, clean the file first (for example with Metadata Cleaner in Tails, or mat2) and choose the cleaned file.",
  unchecked: {
    type: "This kind of file could not be checked for hidden information. It will be sent exactly as it is.",
    size: "This file is too large to check here (over 50 MiB). It will be sent exactly as it is.",
    malformed: "This file could not be read (it may be damaged or not what its name says). It will be sent exactly as it is.",
    encrypted: "This file is password-protected, so it could not be checked. It will be sent exactly as it is.",
    timeout: "Checking this file took too long and was stopped. It will be sent exactly as it is.",
  },
  reasons: {
    format: "Photos of this kind (HEIC, TIFF) can be read here but not cleaned.",
    "pdf-compressed": "This PDF keeps its information in a compressed form that cannot be cleaned without rewriting it.",
    residue: "A cleaned copy still showed some of it, so none is offered.",
    embedded:
      "Pictures inside this document, or the paths of files it was saved in or links to, carry hidden information " +
      "this page cannot remove.",
    "pdf-images": "Photos inside this PDF carry their own hidden information (such as where they were taken), which this page cannot remove.",
  },
  advice:
    "If a file could not be checked or cleaned, you can clean it first with Metadata Cleaner (in Tails) or mat2, " +
    "or leave it out.",
};

const es = {
  checking: "Revisando los archivos elegidos en busca de información oculta, solo en este navegador (no se envía nada)…",
  checked: (n) => (n === 1 ? "Se revisó 1 archivo en busca de información oculta; vea abajo." : `Se revisaron ${n} archivos en busca de información oculta; vea abajo.`),
  heading: "Información oculta en sus archivos",
  intro:
    "Las fotos y los documentos suelen llevar información oculta que puede identificarle: dónde se tomó una foto, " +
    "el número de serie de la cámara, el nombre del autor, fechas. Este navegador revisó cada archivo aquí; no se " +
    "ha enviado nada.",
  found: "Encontrado (esto se queda en su navegador):",
  none: "No se encontró información oculta que identifique.",
  notes: "No se quita (forma parte del contenido del documento; quítelo en el propio documento si hace falta):",
  choice: "Qué enviar",
  cleaned: "Una copia limpia, sin esta información oculta (recomendado)",
  original: "El archivo original, tal como está",
  both: "La copia limpia y el original",
  cleanedNote: "La copia limpia conserva cada píxel y cada palabra; solo se quita la información oculta.",
  cannotClean:
    "Esta página no puede quitar la información oculta de este archivo, así que se enviará tal como está. Para " +
    "quitarla, cancele, limpie antes el archivo (por ejemplo con Metadata Cleaner en Tails, o mat2) y elija el " +
    "archivo limpio.",
  unchecked: {
    type: "No se pudo revisar este tipo de archivo en busca de información oculta. Se enviará tal como está.",
    size: "Este archivo es demasiado grande para revisarlo aquí (más de 50 MiB). Se enviará tal como está.",
    malformed: "No se pudo leer este archivo (puede estar dañado o no ser lo que dice su nombre). Se enviará tal como está.",
    encrypted: "Este archivo está protegido con contraseña, así que no se pudo revisar. Se enviará tal como está.",
    timeout: "Revisar este archivo tardó demasiado y se detuvo. Se enviará tal como está.",
  },
  reasons: {
    format: "Las fotos de este tipo (HEIC, TIFF) se pueden leer aquí, pero no limpiar.",
    "pdf-compressed": "Este PDF guarda su información comprimida y no se puede limpiar sin reescribirlo.",
    residue: "Una copia limpia aún mostraba parte de ella, así que no se ofrece.",
    embedded:
      "Las imágenes dentro de este documento, o las rutas de los archivos donde se guardó o que enlaza, llevan " +
      "información oculta que esta página no puede quitar.",
    "pdf-images": "Las fotos dentro de este PDF llevan su propia información oculta (como dónde se tomaron), que esta página no puede quitar.",
  },
  advice:
    "Si un archivo no se pudo revisar o limpiar, puede limpiarlo antes con Metadata Cleaner (en Tails) o mat2, o " +
    "no incluirlo.",
};

/** @param {string} lang */
export function metadataMessages(lang) {
  return lang === "es" ? es : en;
}
