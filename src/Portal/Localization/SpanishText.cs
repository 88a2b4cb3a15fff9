using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Portal.Features.NoScript;

namespace WhistleSubmit.Portal.Localization;

/// <summary>
/// Every Spanish string of the source side, for readers in the United States: "usted", "computadora", and the
/// names Tor Browser itself uses in Spanish ("Navegador Tor", nivel "El más seguro").
/// </summary>
public static class SpanishText
{
    public static readonly PortalText Instance = new()
    {
        Code = "es",
        Name = "Español",
        SwitchToThisLanguage = "Leer esta página en español",
        SiteName = "WhistleSubmit",
        SkipToContent = "Ir al contenido principal",
        NavigationLabel = "Sitio",
        NavHome = "Inicio",
        NavAbout = "Acerca de y licencias",
        LanguageLabel = "Idioma",
        FooterNote = "Este sitio no guarda ningún registro de su visita: ni direcciones, ni datos del navegador, ni rastreo.",

        DemoTitle = "Solo demostración: no envíe una denuncia real",
        DemoBody = "Este portal funciona con claves de demostración guardadas en este mismo servidor (una clave de " +
            "revisor o la clave de firma del equipo), así que quien lo administre podría leer todo lo que se envíe aquí " +
            "o firmar en nombre de los revisores. Todavía no hay revisores reales configurados.",

        LandingTitle = "Denuncie abusos en ICE de forma segura y anónima",
        LandingIntro =
        [
            "Este es un canal seguro para que empleados y contratistas de ICE, actuales o anteriores, informen a un " +
            "equipo independiente de revisión jurídica sobre uso ilegal de la fuerza, detenciones ilegales de " +
            "ciudadanos estadounidenses y residentes legales, cuotas de arrestos, represalias, corrupción y " +
            "condiciones de trabajo inseguras.",
            "No tiene que dar su nombre, y este sitio está hecho para que no pueda saber quién es usted. Lea esta " +
            "página antes de enviar nada: unos minutos aquí le protegen después.",
        ],

        StaySafe = new(
            "Protéjase primero",
            "A quienes se identifica después de denunciar se les suele descubrir por dónde y cómo enviaron la " +
            "denuncia, no por lo que dice. Estos pasos son los más importantes.",
            [
                "Use el Navegador Tor, y solo el Navegador Tor, para abrir este sitio. Oculta su ubicación y su " +
                "dirección de internet, tanto a nosotros como a cualquiera que vigile su conexión. Puede descargarlo " +
                "de torproject.org en un dispositivo personal.",
                "Ponga el Navegador Tor en el nivel de seguridad «El más seguro»: seleccione el icono del escudo en " +
                "la barra de herramientas, luego «Configuración» y después «El más seguro». Este sitio está hecho " +
                "para funcionar con ese ajuste.",
                "Nunca use una computadora o un teléfono del gobierno, una cuenta del trabajo, la red o la VPN del " +
                "trabajo, ni la red de un edificio del gobierno. Los dispositivos y las redes de la agencia están " +
                "vigilados y todo queda registrado.",
                "No lo haga durante su turno, ni busque este sitio desde el trabajo. El acceso a sistemas y " +
                "documentos queda registrado, y también lo que se imprime.",
                "Use una computadora personal de confianza. Con el Navegador Tor, ni siquiera su proveedor de " +
                "internet puede ver qué sitio visita.",
                "No le cuente a nadie que está haciendo una denuncia, ni siquiera a compañeros de confianza.",
                "Cuando termine, cierre el Navegador Tor. Así olvida lo que hizo durante la sesión.",
            ]),

        HiddenInFiles = new(
            "Los archivos llevan información oculta",
            "Los documentos y las fotos suelen registrar quién los hizo, con qué dispositivo, cuándo y dónde. " +
            "Elimine esa información antes de enviar un archivo, o describa en su lugar lo que muestra.",
            [
                "Las fotos tomadas con un teléfono suelen registrar la ubicación GPS exacta, la hora y el modelo " +
                "del teléfono.",
                "Los documentos de Word y los PDF registran nombres de autores, la organización, el historial de " +
                "cambios y, a veces, comentarios o cambios ocultos.",
                "Muchas impresoras láser a color añaden puntitos amarillos casi invisibles que codifican el número " +
                "de serie de la impresora y la hora de impresión. Un escaneo o una foto de una hoja impresa puede " +
                "llevarlos.",
                "Algunos documentos llevan marcas, o se reparten en versiones ligeramente distintas para cada " +
                "lector, y el acceso a ellos queda registrado. Si solo unas pocas personas abrieron un documento, " +
                "enviarlo puede señalarle a usted.",
                "Para eliminar esa información, use en una computadora personal una herramienta como Metadata " +
                "Cleaner (mat2), que viene incluida en el sistema Tails. El programa gratuito exiftool muestra qué " +
                "contiene un archivo. Una captura de pantalla de una foto no lleva la ubicación de la original, " +
                "pero sí todo lo que se ve en la imagen.",
                "Fíjese en lo que muestra la propia imagen o página: nombres, números de placa, su usuario en una " +
                "esquina de la pantalla, reflejos o la vista desde su ventana.",
            ]),

        OnlyYouWouldKnow = new(
            "Omita los detalles que solo usted conocería",
            "Los revisores necesitan hechos, pero algunos hechos apuntan a usted.",
            [
                "Antes de incluir un detalle, pregúntese quién más podría saberlo. Si la respuesta es «solo yo» o " +
                "«muy pocas personas», omítalo o descríbalo de forma más general.",
                "Dé fechas y lugares aproximados cuando los exactos no sean imprescindibles: «a principios de " +
                "marzo, en un centro de Texas», en lugar de la fecha, la hora y la sala.",
                "Puede añadir más después. Con su nombre en clave podrá responder a las preguntas de los revisores " +
                "y decidir entonces qué es seguro contar.",
                "Escriba con sus propias palabras, pero evite expresiones poco comunes o apodos por los que le " +
                "conozcan en el trabajo.",
            ]),

        WhatWeKeep = new(
            "Lo que este sitio guarda",
            "De cada denuncia o mensaje, el sitio guarda solamente:",
            [
                "un número aleatorio que la identifica;",
                "una huella unidireccional (un hash) de la clave de su buzón, para que las respuestas puedan " +
                "llegarle. Nunca su nombre en clave;",
                "el día en que llegó (en UTC), no la hora;",
                "su tamaño, redondeado hacia arriba para que diga poco de su contenido;",
                "su denuncia y sus archivos, cifrados de modo que solo los revisores puedan leerlos. Su navegador " +
                "los cifra antes de que salgan de su computadora. Si JavaScript está desactivado, el servidor los " +
                "cifra en memoria al recibirlos y nunca los escribe sin cifrar en el disco.",
            ]),

        WhatWeNeverLearn = new(
            "Lo que este sitio nunca sabe",
            null,
            [
                "Su dirección de internet. Tor la oculta, y el sitio no guarda ningún registro de conexiones.",
                "Su navegador, su dispositivo ni su configuración de idioma.",
                "Nada para rastrearle: no hay cookies, salvo una que un formulario necesita para protegerle de " +
                "envíos falsificados. El Navegador Tor la borra al cerrarlo.",
                "Nada de otros sitios web: todos los archivos de este sitio vienen de este sitio.",
                "Las claves que abren las denuncias no están en este servidor. Ni siquiera quien lo incautara " +
                "podría leerlas.",
            ]),

        WhatHappensNext = new(
            "Qué pasa después",
            null,
            [
                "Las denuncias se llevan, en un medio extraíble, a una computadora que nunca se conecta a internet. " +
                "Solo allí el equipo independiente de revisión jurídica las descifra y las lee.",
                "Al enviar una denuncia recibirá un nombre en clave: ocho palabras al azar. Anótelo en papel y " +
                "guárdelo en un lugar seguro y privado. Es la única forma de leer las respuestas o añadir " +
                "información, y nadie, ni siquiera nosotros, puede recuperarlo por usted.",
                "Los revisores pueden responderle con preguntas. Vuelva con su nombre en clave dentro de unos días " +
                "y, después, de vez en cuando.",
                "Los revisores nunca le pedirán su nombre ni sus datos de contacto. Quien lo haga no es del equipo.",
                "Los revisores deciden, cuidando su seguridad, si la información llega a quienes pueden actuar, y " +
                "cómo: por ejemplo, las oficinas del inspector general, la fiscalía o los comités de supervisión " +
                "del Congreso.",
            ]),

        KeysHeading = "Compruebe las claves de los revisores",
        KeysIntro = "Las denuncias se cifran con las claves que aparecen abajo antes de guardarse. Para asegurarse de " +
            "que nadie ha manipulado este sitio, compare cada huella digital con la que publican por otra vía " +
            "quienes lo gestionan, por ejemplo en su sitio web o en papel. Si una huella no coincide, no envíe " +
            "nada aquí.",
        KeysDemoNote = "Esta es la clave de demostración que este servidor creó para sí mismo. No es una clave de los revisores.",
        FingerprintLabel = "Huella digital",
        FullKeyLabel = "Mostrar la clave completa",
        UnnamedKey = "Clave de los revisores",
        TeamKeyLabel = "Clave de firma de los revisores",
        TeamKeyExplanation = "Los revisores firmaron la lista de claves anterior con su clave de firma, en una " +
            "computadora que nunca se conecta a internet. Su navegador comprueba esa firma y se niega a cifrar para " +
            "cualquier clave que no hayan firmado. Compare también esta huella.",
        SetIssuedLabel = "Lista firmada el",
        TeamScriptLabel = "Hash del script que contiene la clave de firma (/js/team.js)",

        AboutTitle = "Acerca de este sitio",
        AboutIntro =
        [
            "WhistleSubmit es un programa para recibir denuncias de forma anónima. Tiene dos partes: este sitio " +
            "web, que solo guarda denuncias cifradas, y una consola en una computadora que nunca está conectada " +
            "a internet, donde los revisores las descifran y las leen.",
            "El sitio web no necesita JavaScript, no carga nada de otros sitios y no usa cookies de rastreo.",
        ],
        FingerprintHeading = "Cómo se calcula la huella digital de una clave",
        FingerprintExplanation = "La huella digital son las 32 primeras cifras hexadecimales del hash SHA-256 de la " +
            "clave tal como se escribe (en minúsculas), en grupos de cuatro. En la práctica, dos claves distintas " +
            "nunca comparten huella, así que si coincide, la clave es la correcta.",
        FingerprintCommandIntro = "Cualquiera puede comprobarla en una computadora con Linux con este comando, " +
            "poniendo la clave completa en lugar de CLAVE:",
        EncryptionHeading = "Cómo se cifran las denuncias",
        EncryptionExplanation = "Las denuncias se cifran en el formato age con claves híbridas poscuánticas " +
            "(ML-KEM-768 combinado con X25519), para que sigan siendo secretas incluso ante computadoras que " +
            "todavía no existen.",
        LicencesHeading = "Licencias",
        WordlistAttribution = "Los nombres en clave se forman con la EFF Large Wordlist for Passphrases, copyright " +
            "2016 Electronic Frontier Foundation, usada bajo la licencia Creative Commons Reconocimiento 3.0 " +
            "Estados Unidos (CC BY 3.0 US).",
        SoftwareLicencesIntro = "Este sitio está hecho con:",
        SoftwareLicences =
        [
            ".NET y ASP.NET Core, licencia MIT",
            "Bouncy Castle Cryptography for .NET, licencia MIT",
            "Serilog, licencia Apache 2.0",
        ],
        FingerprintCommandKey = "CLAVE",

        Submit = new()
        {
            LinkText = "Enviar una denuncia",
            Title = "Enviar una denuncia",
            Intro =
            [
                "Solo la descripción es obligatoria. Las demás preguntas son opcionales: omita lo que no sepa con " +
                "seguridad o lo que pueda señalarle a usted. Puede añadir más después con su nombre clave.",
                "Antes de adjuntar archivos, elimine su información oculta (vea la página de inicio).",
            ],
            PathHeading = "Cómo se protege su denuncia",
            PathServer = "JavaScript está desactivado en su navegador, así que esta página envía su denuncia al " +
                "servidor, que la cifra en memoria en cuanto llega, con las claves de los revisores, y nunca la " +
                "escribe en disco sin cifrar. Con JavaScript activado, su navegador la cifra antes de que salga de " +
                "su computadora, y el servidor no la ve nunca. Ambas formas la protegen de quien se apodere del " +
                "servidor más tarde; solo la del navegador le protege también de un servidor manipulado mientras envía.",
            TicketNote = "Para frenar envíos masivos automáticos sin JavaScript, este formulario lleva un boleto de " +
                "un solo uso. Sirve una vez, unos segundos después de cargar la página y durante seis horas. No dice " +
                "nada sobre usted. Si ha caducado, vuelva a cargar esta página.",
            ErrorSummaryTitle = "Hay un problema",
            ChooseFilesAgain = "Por su seguridad, los archivos que eligió no se guardaron. Vuelva a elegirlos.",
            Errors = new Dictionary<FieldError, string>
            {
                [FieldError.Required] = "Describa lo que pasó: es la única pregunta obligatoria.",
                [FieldError.Date] = "Escriba la fecha como año-mes-día, por ejemplo 2025-03-14.",
                [FieldError.DateOrder] = "El último día no puede ser anterior al primero.",
                [FieldError.DateToWithoutFrom] = "Indique también el primer día, o deje ambas fechas vacías.",
                [FieldError.State] = "Escriba el código de dos letras del estado, por ejemplo TX, o déjelo vacío.",
                [FieldError.Count] = "Escriba un número entero, o déjelo vacío.",
                [FieldError.Choice] = "Elija entre las opciones que se muestran.",
            },
            Optional = "(opcional)",
            RelationshipLegend = "Su relación con ICE",
            Relationships = new Dictionary<Relationship, string>
            {
                [Relationship.CurrentStaff] = "Empleado actual de ICE",
                [Relationship.FormerStaff] = "Exempleado de ICE",
                [Relationship.Contractor] = "Contratista",
                [Relationship.Other] = "Otra",
            },
            ComponentLegend = "Qué parte de ICE está involucrada",
            Components = new Dictionary<Component, string>
            {
                [Component.Ero] = "ERO (Operaciones de Control y Deportación)",
                [Component.Hsi] = "HSI (Investigaciones de Seguridad Nacional)",
                [Component.Opla] = "OPLA (Oficina del Asesor Jurídico Principal)",
                [Component.Opr] = "OPR (Oficina de Responsabilidad Profesional)",
                [Component.Other] = "Otra parte",
                [Component.Unknown] = "No lo sé",
            },
            CategoriesLegend = "De qué se trata",
            CategoriesHint = "Elija todas las que correspondan.",
            Categories = new Dictionary<Category, string>
            {
                [Category.UnlawfulForce] = "Uso ilegal de la fuerza",
                [Category.InjuryOrDeath] = "Lesiones o muerte",
                [Category.IllegalDetentionOfCitizen] = "Detención ilegal de un ciudadano estadounidense o residente permanente legal",
                [Category.ArrestQuotas] = "Cuotas de arrestos o presión para arrestar indiscriminadamente",
                [Category.RetaliationAgainstStaff] = "Represalias contra el personal",
                [Category.ThreatsOrIntimidation] = "Amenazas o intimidación a funcionarios, periodistas o defensores",
                [Category.CorruptionOrAbuse] = "Corrupción o abuso",
                [Category.UnsafeWorkingConditions] = "Condiciones de trabajo inseguras",
                [Category.InvestigatorReassignment] = "Investigadores especializados reasignados a operativos rutinarios",
                [Category.FundingTiedToArrests] = "Fondos vinculados al número de arrestos",
                [Category.Other] = "Otra cosa",
            },
            WhenLegend = "Cuándo ocurrió",
            WhenHint = "Un día, o el primer y el último día. Una fecha aproximada está bien. Para un solo día, deje vacío el último.",
            WhenFrom = "Día, o primer día",
            WhenTo = "Último día",
            WhereLegend = "Dónde ocurrió",
            WhereWarning = "Cuidado: un lugar preciso (una sala, una unidad, una oficina pequeña) puede mostrar quién " +
                "estaba allí. Indique solo lo que los revisores necesitan, por ejemplo el estado y la ciudad.",
            WhereState = "Estado",
            WhereStateHint = "Dos letras, por ejemplo TX.",
            WherePlace = "Ciudad o centro",
            PeopleLegend = "Personas afectadas",
            PeopleCount = "Cuántas personas",
            PeopleCitizens = "¿Había entre ellas ciudadanos estadounidenses o residentes permanentes legales?",
            HarmLegend = "Fuerza, lesiones y muertes",
            HarmForce = "¿Se usó la fuerza?",
            HarmInjuries = "Cuántas personas resultaron heridas",
            HarmDeaths = "Cuántas personas murieron",
            CountHint = "Un número, si lo sabe.",
            Answers = new Dictionary<Answer, string>
            {
                [Answer.Yes] = "Sí",
                [Answer.No] = "No",
                [Answer.Unknown] = "No lo sé",
            },
            Evidence = "¿Qué pruebas existen y dónde están?",
            EvidenceHint = "Por ejemplo: video de una cámara corporal, un memorando, correos, registros. Diga dónde se " +
                "guardan, si lo sabe, pero no las busque en el trabajo.",
            InternalLegend = "Denuncias dentro del gobierno",
            Reported = "¿Se denunció esto dentro del gobierno?",
            Channels = "¿Dónde se denunció?",
            ChannelNames = new Dictionary<ReportingChannel, string>
            {
                [ReportingChannel.Opr] = "Oficina de Responsabilidad Profesional de ICE (OPR)",
                [ReportingChannel.Oig] = "Oficina del Inspector General del DHS (OIG)",
                [ReportingChannel.Osc] = "Oficina del Consejero Especial de EE. UU. (OSC)",
                [ReportingChannel.Crcl] = "Oficina de Derechos Civiles y Libertades Civiles del DHS (CRCL)",
                [ReportingChannel.Congress] = "El Congreso (un miembro, un comité o su personal)",
                [ReportingChannel.Supervisor] = "Un supervisor",
                [ReportingChannel.Other] = "Otro lugar",
            },
            Outcome = "¿Qué pasó después de la denuncia?",
            Retaliation = "Represalias",
            RetaliationHint = "¿Le han castigado, amenazado o tratado de otra manera a usted o a otras personas por esto?",
            Description = "Qué pasó",
            DescriptionHint = "Con sus propias palabras: qué pasó, quiénes participaron (cargos en vez de nombres, si " +
                "lo prefiere) y por qué cree que estuvo mal.",
            Files = "Adjuntar archivos",
            FilesHint = "Puede elegir varios archivos. Hasta {1} archivos y {0} en total. Elimine antes la información oculta.",
            FilesMetadata =
                "Sin JavaScript, esta página no puede revisar ni limpiar sus archivos: se envían tal como están. Las fotos y " +
                "los documentos suelen llevar información oculta que puede identificarle, como dónde se tomó una foto, el " +
                "número de serie de la cámara o el nombre del autor. Limpie antes cada archivo: en Tails, abra Metadata " +
                "Cleaner (Aplicaciones, Accesorios) y añada el archivo; en una computadora Linux de confianza, use mat2. " +
                "Después elija aquí la copia limpia.",
            FilesMetadataScript =
                "Este navegador revisa cada archivo que elija en busca de información oculta que pueda identificarle, como " +
                "dónde se tomó una foto o el nombre del autor, y le ofrece una copia limpia. No se envía nada hasta que " +
                "pulse el botón.",
            SendButton = "Cifrar y enviar",

            ResultTitle = "Recibimos su denuncia",
            CodenameHeading = "Su nombre clave",
            CodenameAdvice =
            [
                "Es la única vez que lo verá. Escríbalo ahora en papel y guárdelo en un lugar seguro y privado.",
                "Con él puede leer las respuestas de los revisores y enviar más información. Sin él, nadie puede " +
                "relacionarle con esta denuncia, ni siquiera usted. No se puede recuperar.",
                "No lo guarde en un dispositivo del trabajo, en un correo ni en una nota del teléfono que se respalde en internet.",
                "No se lo dé a nadie.",
            ],
            ReceiptLabel = "Comprobante",
            ReceiptHint = "Los revisores pueden confirmar este número si usted lo pide con su nombre clave. No necesita guardarlo.",
            ResultPathHeading = "Cómo se protegió su denuncia",
            ResultPathServer =
            [
                "Como JavaScript estaba desactivado, el servidor cifró su denuncia y sus archivos en memoria a medida " +
                "que llegaban, con las claves de los revisores, y guardó solo el resultado cifrado. No se escribió " +
                "nada legible en disco.",
                "Con JavaScript activado, su navegador lo habría cifrado todo antes de enviarlo, de modo que ni " +
                "siquiera el servidor lo habría visto. Sin JavaScript se confía en el servidor mientras envía; de " +
                "las dos formas, su denuncia es ilegible para quien se lleve el servidor después.",
            ],
            ResultPathBrowser =
            [
                "JavaScript estaba activado: este navegador cifró su denuncia y sus archivos con las llaves de los " +
                "revisores antes de que salieran de su computadora. El servidor recibió y guardó solo datos cifrados " +
                "que únicamente los revisores pueden abrir.",
            ],
            FilesSentHeading = "Archivos enviados con su denuncia",
            NoFilesSent = "No se enviaron archivos.",
            ResultMailboxLink = "Consultar respuestas más adelante",

            SubmittedTitle = "Denuncia enviada",
            SubmittedBody = "Su nombre clave se muestra una sola vez, en la página que aparece justo después de " +
                "enviar una denuncia, y este sitio no lo guarda. Si no lo anotó, puede enviar una nueva denuncia " +
                "para recibir uno nuevo.",

            ProblemTitle = "Su denuncia no se envió",
            Problems = new Dictionary<FormProblem, string>
            {
                [FormProblem.Malformed] = "El formulario no llegó en la forma esperada. No se guardó nada. Vuelva a llenarlo.",
                [FormProblem.Incomplete] = "El envío se detuvo antes de terminar, quizá porque se cortó la conexión. " +
                    "No se guardó nada. Inténtelo de nuevo.",
                [FormProblem.TooLarge] = "Los archivos superan lo que acepta este formulario. No se guardó nada. " +
                    "Envíe menos archivos o más pequeños.",
                [FormProblem.TooManyFiles] = "Hay más archivos de los que acepta este formulario. No se guardó nada.",
                [FormProblem.BadToken] = "Falló la comprobación de seguridad del formulario. No se guardó nada. " +
                    "Vuelva a cargar el formulario y envíelo de nuevo.",
                [FormProblem.TooSoon] = "El formulario se envió a los pocos segundos de cargarse. Para frenar envíos " +
                    "masivos debe esperar un momento. No se guardó nada. Vuelva atrás, espere unos segundos y envíelo.",
                [FormProblem.Expired] = "El formulario estuvo abierto demasiado tiempo y su boleto caducó. No se " +
                    "guardó nada. Vuelva a cargarlo.",
                [FormProblem.Reused] = "Este formulario ya se envió una vez. No se guardó nada más. Si quería enviar " +
                    "algo nuevo, vuelva a cargar el formulario.",
                [FormProblem.Busy] = "El sitio está muy ocupado. No se guardó nada. Inténtelo de nuevo en unos minutos.",
                [FormProblem.Unavailable] = "El sitio no puede recibir denuncias ahora. No se guardó nada. Inténtelo más tarde.",
                [FormProblem.NoMailbox] = "No se encontró ningún buzón con este nombre clave. Revise las palabras.",
            },
            BackToForm = "Volver al formulario",
        },

        Mailbox = SpanishMailboxText.Instance,
    };
}
