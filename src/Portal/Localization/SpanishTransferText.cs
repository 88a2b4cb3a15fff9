namespace WhistleSubmit.Portal.Localization;

/// <summary>Los textos en español de la interfaz de transferencia de los revisores.</summary>
public static class SpanishTransferText
{
    public static readonly TransferText Instance = new()
    {
        Code = "es",
        SiteName = "WhistleSubmit · revisores",
        SkipToContent = "Saltar al contenido principal",
        LanguageLabel = "Idioma",
        NavigationLabel = "Transferencia",
        NavDashboard = "Elementos en espera y paquetes",
        NavReplies = "Subir respuestas",
        NavConfirm = "Subir recibo de importación",
        NavAudit = "Registro de auditoría",
        LogOut = "Cerrar sesión",
        SignedInAs = "Sesión iniciada como {0}",
        SessionNote = "Las sesiones solo existen en la memoria del portal: reiniciar el portal cierra todas. Una sesión " +
            "termina tras {0} minutos sin uso y {1} horas después de iniciarla.",
        ProblemTitle = "No se pudo hacer",
        BadForm = "Falló la comprobación de seguridad del formulario (quizá estuvo abierto demasiado tiempo o el portal " +
            "se reinició). No se cambió nada. Vuelva a cargar la página e inténtelo de nuevo.",

        LoginTitle = "Acceso de revisores",
        LoginIntro = "Escriba su nombre de cuenta, su frase de contraseña y el código de seis cifras actual de su " +
            "aplicación de autenticación.",
        NameLabel = "Nombre de cuenta",
        PasswordLabel = "Frase de contraseña",
        CodeLabel = "Código de la aplicación de autenticación",
        CodeHint = "Seis cifras. Cada código sirve una sola vez.",
        LoginButton = "Entrar",
        LoginFailed = "El nombre, la contraseña o el código no son correctos.",
        CodeAlreadyUsed = "Ese código ya se usó. Espere el siguiente código de su aplicación de autenticación (como mucho 30 segundos) e inicie sesión con él.",
        Throttled = "Demasiados intentos. Espere {0} minutos y vuelva a intentarlo.",
        LoggedOut = "Ha cerrado la sesión.",

        PassTitle = "Elija su frase de contraseña",
        PassIntro = "Su contraseña era de un solo uso. Elija una frase de contraseña que solo usted conozca antes de continuar.",
        PassNewLabel = "Nueva frase de contraseña",
        PassRepeatLabel = "Repita la nueva frase de contraseña",
        PassHint = "Al menos 16 caracteres. Varias palabras sin relación son fáciles de escribir y difíciles de adivinar.",
        PassButton = "Guardar la frase de contraseña",
        PassTooShort = "La frase de contraseña debe tener al menos 16 caracteres (y como máximo 1024).",
        PassMismatch = "Las dos frases de contraseña no coinciden.",
        PassSame = "Elija una frase distinta de la contraseña de un solo uso.",
        PassChanged = "Su frase de contraseña está guardada. Las demás sesiones de esta cuenta han terminado.",

        DashTitle = "Elementos en espera y paquetes",
        WaitingHeading = "En espera de exportación",
        WaitingSummary = "{0} envíos nuevos y {1} seguimientos, {2} en total (tamaños con relleno).",
        OldestWaiting = "El más antiguo lleva {0} días esperando.",
        NothingWaiting = "No hay nada en espera de exportación.",
        ItemsCaption = "Elementos aún no exportados, del más antiguo al más reciente",
        ColKind = "Tipo",
        ColDay = "Día de recepción (UTC)",
        ColSize = "Tamaño con relleno",
        ColId = "Id del elemento",
        KindSubmission = "Envío",
        KindFollowup = "Seguimiento",
        PrepareHeading = "Siguiente paquete de envíos",
        PrepareIntro = "Preparar un paquete pone todos los elementos en espera en un archivo y los marca como exportados, " +
            "igual que whistle-portal export. Siguen en el portal hasta que un recibo de importación los confirme.",
        PrepareButton = "Preparar el paquete",
        NothingToExport = "No había nada que exportar.",
        Prepared = "Paquete listo: {0} elementos, {1}. Compare este SHA-256 en el ordenador aislado antes de importarlo.",
        ShaLabel = "SHA-256",
        PendingHeading = "Paquetes en espera de un recibo de importación",
        PendingIntro = "Descargue aquí un paquete (de nuevo, si una descarga falló). Después de importarlo en el " +
            "ordenador aislado, suba el recibo que escribió la consola: solo entonces se borran sus elementos del portal.",
        PendingNone = "Ningún paquete espera un recibo.",
        PendingCaption = "Paquetes exportados sin recibo",
        ColBundle = "SHA-256 del paquete",
        ColItems = "Elementos",
        ColExported = "Exportado (UTC)",
        ColDownload = "Archivo",
        Download = "Descargar el paquete {0}",
        RetentionHeading = "Conservación",
        RetentionRules = "Nada de lo que envió una fuente se borra antes de que un recibo lo confirme. Los elementos " +
            "exportados sin recibo se señalan tras {0} días. Las respuestas que la fuente ya leyó se borran {1} días " +
            "después de importarlas y, en todo caso, tras {2} días.",
        WarnUnexported = "{0} elementos llevan {1} días o más esperando la exportación.",
        WarnExported = "El paquete {0} se exportó hace {1} días y aún no tiene recibo de importación.",

        RepliesTitle = "Subir respuestas",
        RepliesIntro = "Suba el paquete de respuestas (.wsbundle) que escribió la consola. Se comprueba entero antes de " +
            "guardar nada; subir el mismo paquete dos veces no guarda nada dos veces.",
        ReceiptTitle = "Subir recibo de importación",
        ReceiptIntro = "Suba el recibo (.json) que escribió la consola tras importar un paquete de envíos. El portal " +
            "borra entonces los elementos de ese paquete que el recibo enumera, y solo esos.",
        FileLabel = "Archivo",
        UploadButton = "Subir",
        DoneHeading = "Hecho",
        ImportedSummary = "{0} respuestas guardadas, {1} ya estaban, {2} omitidas (este portal no tiene ese buzón).",
        StoredIds = "Guardadas",
        PresentIds = "Ya estaban",
        SkippedIds = "Omitidas",
        ConfirmedSummary = "{0} elementos borrados y {1} ya no estaban, del paquete {2}.",
        AlreadyConfirmed = "El paquete {0} ya estaba confirmado: sus elementos se borraron entonces. No hay nada que hacer.",
        ConfirmedCompacted = "El almacén se compactó: los elementos borrados no están en ninguno de sus archivos.",
        ConfirmedNotCompacted = "El almacén no se pudo compactar ahora (estaba ocupado o el disco está lleno): los datos cifrados de los elementos borrados pueden quedar en sus archivos hasta que un borrado posterior lo compacte.",
        DeletedIds = "Borrados",
        MissingIds = "Ya no estaban",
        BundleComplete = "Todos los elementos de este paquete están confirmados; su archivo se quitó del portal.",
        BundleIncomplete = "Algunos elementos de este paquete aún no están confirmados; el paquete sigue en la lista.",
        NotABundle = "No es un paquete válido, o supera los límites. No se guardó nada.",
        NotReplies = "Es un paquete de envíos, no de respuestas. No se guardó nada.",
        NotAReceipt = "No es un recibo de importación válido. No se borró nada.",
        UnknownExport = "Ningún paquete en espera de recibo tiene este SHA-256. No se borró nada.",
        UnsignedReceipt = "Es un recibo sin firmar (versión 1), y el portal solo borra con un recibo firmado con la clave del equipo. "
            + "No se borró nada. En la consola, vuelva a ejecutar 'whistle-review import' con el mismo paquete: no cambia nada en la bóveda y escribe un recibo firmado.",
        ForeignReceipt = "Este recibo no está firmado con la clave del equipo de este portal ({0}). No se borró nada. Compruebe que team.pub del portal es "
            + "la clave del equipo de revisores ('whistle-review team show') y vuelva a ejecutar 'whistle-review import' con el paquete para obtener un recibo firmado con ella.",
        UnsignedReplies = "Este paquete de respuestas no está firmado con la clave del equipo (su manifiesto no tiene firma). No se guardó nada. "
            + "Las respuestas solo vienen de la consola de los revisores: expórtelas de nuevo allí con 'whistle-review export-replies', que firma el paquete.",
        ForeignReplies = "Este paquete de respuestas no está firmado con la clave del equipo de este portal ({0}). No se guardó nada. "
            + "Compruebe que team.pub del portal es la clave del equipo de revisores ('whistle-review team show').",
        ConsoleAuditHead = "El recibo estaba firmado con la clave del equipo; la cabeza de la cadena de auditoría de la consola que lleva, ahora registrada aquí: {0}",
        BadSignature = "su firma no es válida",
        TooLarge = "El archivo es más grande de lo que acepta este formulario. No se guardó nada.",
        StoreFull = "El disco del portal está lleno. No se cambió nada. Avise al operador.",

        AuditTitle = "Registro de auditoría",
        AuditIntro = "Accesos, fallos, bloqueos, descargas, subidas y confirmaciones en esta interfaz, de la más reciente " +
            "a la más antigua (las últimas 500). Las órdenes del operador aparecen como (operator).",
        ChainIntact = "La cadena de hashes del registro está intacta: no se cambió ni se quitó ninguna entrada.",
        ChainBroken = "La cadena de hashes del registro está rota: una entrada se cambió o se quitó fuera del portal.",
        AuditCaption = "Entradas de auditoría, de la más reciente a la más antigua",
        ColTime = "Día (UTC)",
        ColAccount = "Cuenta",
        ColAction = "Acción",
        ColDetail = "Detalle",
    };
}
