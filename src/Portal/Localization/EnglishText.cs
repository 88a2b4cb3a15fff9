using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Portal.Features.NoScript;

namespace WhistleSubmit.Portal.Localization;

/// <summary>Every English string of the source side. Written for someone frightened and in a hurry: short, plain, concrete.</summary>
public static class EnglishText
{
    public static readonly PortalText Instance = new()
    {
        Code = "en",
        Name = "English",
        SwitchToThisLanguage = "Read this page in English",
        SiteName = "WhistleSubmit",
        SkipToContent = "Skip to main content",
        NavigationLabel = "Site",
        NavHome = "Home",
        NavAbout = "About and licences",
        LanguageLabel = "Language",
        FooterNote = "This site keeps no record of your visit: no addresses, no browser details, no tracking.",

        DemoTitle = "Demonstration only — do not send a real report",
        DemoBody = "This portal is running with demonstration keys that are kept on this same server (a reviewer key or " +
            "the team signing key), so whoever runs the server could read anything sent here or sign in the reviewers' " +
            "name. Real reviewers have not been set up.",

        LandingTitle = "Report abuse at ICE, safely and anonymously",
        LandingIntro =
        [
            "This is a secure way for current and former ICE employees and contractors to tell independent legal " +
            "reviewers about unlawful use of force, illegal detention of U.S. citizens and lawful residents, arrest " +
            "quotas, retaliation, corruption and unsafe conditions.",
            "You do not have to give your name, and this site is built so that it cannot find out who you are. " +
            "Please read this page before you send anything. A few minutes here protect you later.",
        ],

        StaySafe = new(
            "Protect yourself first",
            "People who are identified after reporting are usually found through where and how they sent their " +
            "report, not through the report itself. These steps matter most.",
            [
                "Use Tor Browser, and only Tor Browser, to open this site. It hides your location and your internet " +
                "address from us and from anyone watching your connection. You can get it from torproject.org on a " +
                "personal device.",
                "Set Tor Browser to its Safest security level: select the shield icon in the toolbar, then Settings, " +
                "then Safest. This site is made to work with that setting.",
                "Never use a government computer or phone, a work account, the work network or VPN, or the network " +
                "of a government building. Agency devices and networks are monitored and logged.",
                "Do not do this while you are on duty, and do not look up this site from work. Access to systems and " +
                "documents is logged, and so is printing.",
                "Use a personal computer you trust. With Tor Browser, even your internet provider cannot see which " +
                "site you visit.",
                "Do not tell anyone that you are reporting, not even coworkers you trust.",
                "When you are done, close Tor Browser. It forgets what you did in that session.",
            ]),

        HiddenInFiles = new(
            "Files carry hidden information",
            "Documents and photos often record who made them, on what device, when and where. Remove that " +
            "information before you send a file, or describe what the file shows instead.",
            [
                "Photos taken with a phone usually record the exact GPS location, the time and the phone model.",
                "Word documents and PDFs record author names, the organization, editing history, and sometimes " +
                "hidden comments or tracked changes.",
                "Many color laser printers add tiny yellow dots, hard to see, that encode the printer's serial " +
                "number and the time of printing. A scan or a photo of a printout can carry them.",
                "Some documents are marked, or handed out in slightly different versions to each reader, and " +
                "access to them is logged. If only a few people opened a document, sending it can point to you.",
                "To remove this information, use a tool such as Metadata Cleaner (mat2) on a personal computer; " +
                "the Tails system includes it. The free exiftool shows what a file contains. A screenshot of a " +
                "photo does not carry the original's location, but it still shows everything in the picture.",
                "Look at what the picture or page itself shows: names, badge numbers, your username in a corner " +
                "of the screen, reflections, or the view from your window.",
            ]),

        OnlyYouWouldKnow = new(
            "Leave out details only you would know",
            "The reviewers need facts, but some facts point to you.",
            [
                "Before you include a detail, ask who else could know it. If the answer is \"only me\" or \"very " +
                "few people\", leave it out or describe it more generally.",
                "Give approximate dates and places when the exact ones are not essential: \"early March, at a " +
                "facility in Texas\" rather than the date, the hour and the room.",
                "You can add more later. With your codename you can answer the reviewers' questions and decide " +
                "then what is safe to share.",
                "Write in your own words, but avoid unusual phrases or nicknames that people at work know you by.",
            ]),

        WhatWeKeep = new(
            "What this site keeps",
            "For each report or message, the site stores only:",
            [
                "a random number that identifies it;",
                "a one-way fingerprint (a hash) of your mailbox key, so that replies can reach you. Never your " +
                "codename itself;",
                "the day it arrived (in UTC), not the time;",
                "its size, rounded up so that it says little about what is inside;",
                "your report and files, encrypted so that only the reviewers can read them. Your browser encrypts " +
                "them before they leave your computer. If JavaScript is turned off, the server encrypts them in " +
                "memory as they arrive and never writes them to disk unencrypted.",
            ]),

        WhatWeNeverLearn = new(
            "What this site never learns",
            null,
            [
                "Your internet address. Tor hides it, and the site keeps no record of connections.",
                "Your browser, your device or your language settings.",
                "Anything for tracking: there are no cookies, except one that a form needs to protect you against " +
                "forged submissions. Tor Browser deletes it when you close it.",
                "Anything from other websites: every file on this site comes from this site.",
                "The keys that unlock reports are not on this server. Even someone who seized it could not read them.",
            ]),

        WhatHappensNext = new(
            "What happens next",
            null,
            [
                "Reports are carried on removable media to a computer that is never connected to the internet. " +
                "Only there do the independent legal reviewers decrypt and read them.",
                "After you send a report you receive a codename: eight random words. Write it down on paper and " +
                "keep it somewhere safe and private. It is the only way to read replies or add information, and " +
                "nobody, including us, can recover it for you.",
                "The reviewers may reply with questions. Come back with your codename in a few days, and then " +
                "from time to time.",
                "The reviewers will never ask for your name or your contact details. Anyone who does is not them.",
                "The reviewers decide, with care for your safety, whether and how information goes to those who can " +
                "act on it, such as inspectors general, prosecutors or congressional oversight.",
            ]),

        KeysHeading = "Check the reviewers' keys",
        KeysIntro = "Reports are encrypted to the keys below before they are stored. To make sure this site has not " +
            "been tampered with, compare each fingerprint with the one published elsewhere by the people who run " +
            "this site, for example on their website or in print. If a fingerprint does not match, do not send " +
            "anything here.",
        KeysDemoNote = "This is the demonstration key this server created for itself. It is not a reviewers' key.",
        FingerprintLabel = "Fingerprint",
        FullKeyLabel = "Show the full key",
        UnnamedKey = "Reviewers' key",
        TeamKeyLabel = "Reviewers' signing key",
        TeamKeyExplanation = "The reviewers signed the list of keys above with their signing key, on a computer that " +
            "is never online. Your browser checks that signature and refuses to encrypt to any key they did not sign. " +
            "Compare this fingerprint too.",
        SetIssuedLabel = "List signed on",
        TeamScriptLabel = "Hash of the script holding the signing key (/js/team.js)",

        AboutTitle = "About this site",
        AboutIntro =
        [
            "WhistleSubmit is software for receiving reports anonymously. It has two parts: this website, which " +
            "only ever holds encrypted reports, and a console on a computer that is never online, where the " +
            "reviewers decrypt and read them.",
            "The website needs no JavaScript, loads nothing from other sites and sets no tracking cookies.",
        ],
        FingerprintHeading = "How a key fingerprint is made",
        FingerprintExplanation = "A fingerprint is the first 32 hexadecimal digits of the SHA-256 hash of the key " +
            "as it is written (in lower case), shown in groups of four. Two different keys practically never share " +
            "a fingerprint, so a match means you have the right key.",
        FingerprintCommandIntro = "Anyone can check it on a Linux computer with this command, putting the full key " +
            "in place of KEY:",
        EncryptionHeading = "How reports are encrypted",
        EncryptionExplanation = "Reports are encrypted in the age format with post-quantum hybrid keys " +
            "(ML-KEM-768 combined with X25519), so that they stay secret even against computers that do not " +
            "exist yet.",
        LicencesHeading = "Licences",
        WordlistAttribution = "Codenames are made from the EFF Large Wordlist for Passphrases, copyright 2016 " +
            "Electronic Frontier Foundation, used under the Creative Commons Attribution 3.0 United States licence " +
            "(CC BY 3.0 US).",
        SoftwareLicencesIntro = "This site is built with:",
        SoftwareLicences =
        [
            ".NET and ASP.NET Core, MIT License",
            "Bouncy Castle Cryptography for .NET, MIT License",
            "Serilog, Apache License 2.0",
        ],
        FingerprintCommandKey = "KEY",

        Submit = new()
        {
            LinkText = "Send a report",
            Title = "Send a report",
            Intro =
            [
                "Only the description is required. Every other question is optional: skip anything you are unsure " +
                "about or that could point to you. You can add more later with your codename.",
                "Before you attach files, remove their hidden information (see the home page).",
            ],
            PathHeading = "How your report is protected",
            PathServer = "JavaScript is off in your browser, so this page sends your report to the server, which " +
                "encrypts it in memory the moment it arrives, to the reviewers' keys, and never writes it to disk " +
                "unencrypted. With JavaScript on, your browser encrypts it before it leaves your computer, so the " +
                "server never sees it at all. Both are safe from anyone who later seizes the server; only the " +
                "browser way also protects you from a server that has been tampered with while you send.",
            TicketNote = "To slow down automated floods without JavaScript, this form carries a one-time ticket. " +
                "It works once, a few seconds after the page loads and for six hours. It says nothing about you. " +
                "If it has expired, load this page again.",
            ErrorSummaryTitle = "There is a problem",
            ChooseFilesAgain = "For your safety, files you chose were not kept. Please choose them again.",
            Errors = new Dictionary<FieldError, string>
            {
                [FieldError.Required] = "Describe what happened: this is the one question you must answer.",
                [FieldError.Date] = "Enter the date as year-month-day, for example 2025-03-14.",
                [FieldError.DateOrder] = "The last day cannot be before the first day.",
                [FieldError.DateToWithoutFrom] = "Give the first day too, or leave both dates empty.",
                [FieldError.State] = "Enter the two-letter state code, for example TX, or leave it empty.",
                [FieldError.Count] = "Enter a whole number, or leave it empty.",
                [FieldError.Choice] = "Choose from the options shown.",
            },
            Optional = "(optional)",
            RelationshipLegend = "Your relationship to ICE",
            Relationships = new Dictionary<Relationship, string>
            {
                [Relationship.CurrentStaff] = "Current ICE employee",
                [Relationship.FormerStaff] = "Former ICE employee",
                [Relationship.Contractor] = "Contractor",
                [Relationship.Other] = "Other",
            },
            ComponentLegend = "Which part of ICE is involved",
            Components = new Dictionary<Component, string>
            {
                [Component.Ero] = "ERO (Enforcement and Removal Operations)",
                [Component.Hsi] = "HSI (Homeland Security Investigations)",
                [Component.Opla] = "OPLA (Office of the Principal Legal Advisor)",
                [Component.Opr] = "OPR (Office of Professional Responsibility)",
                [Component.Other] = "Another part",
                [Component.Unknown] = "I don't know",
            },
            CategoriesLegend = "What is it about",
            CategoriesHint = "Choose all that apply.",
            Categories = new Dictionary<Category, string>
            {
                [Category.UnlawfulForce] = "Unlawful use of force",
                [Category.InjuryOrDeath] = "Injury or death",
                [Category.IllegalDetentionOfCitizen] = "Illegal detention of a U.S. citizen or lawful permanent resident",
                [Category.ArrestQuotas] = "Arrest quotas or pressure to arrest people indiscriminately",
                [Category.RetaliationAgainstStaff] = "Retaliation against staff",
                [Category.ThreatsOrIntimidation] = "Threats or intimidation of officials, journalists or advocates",
                [Category.CorruptionOrAbuse] = "Corruption or abuse",
                [Category.UnsafeWorkingConditions] = "Unsafe working conditions",
                [Category.InvestigatorReassignment] = "Specialised investigators moved to routine enforcement",
                [Category.FundingTiedToArrests] = "Funding tied to arrest numbers",
                [Category.Other] = "Something else",
            },
            WhenLegend = "When it happened",
            WhenHint = "One day, or the first and last day. Approximate is fine. Leave the last day empty for a single day.",
            WhenFrom = "Day, or first day",
            WhenTo = "Last day",
            WhereLegend = "Where it happened",
            WhereWarning = "Careful: a precise place (a room, a unit, a small office) can show who was there. " +
                "Give only as much as the reviewers need, for example the state and the city.",
            WhereState = "State",
            WhereStateHint = "Two letters, for example TX.",
            WherePlace = "City or facility",
            PeopleLegend = "People affected",
            PeopleCount = "How many people",
            PeopleCitizens = "Were U.S. citizens or lawful permanent residents among them?",
            HarmLegend = "Force, injuries and deaths",
            HarmForce = "Was force used?",
            HarmInjuries = "How many people were injured",
            HarmDeaths = "How many people died",
            CountHint = "A number, if you know it.",
            Answers = new Dictionary<Answer, string>
            {
                [Answer.Yes] = "Yes",
                [Answer.No] = "No",
                [Answer.Unknown] = "I don't know",
            },
            Evidence = "What evidence exists, and where is it?",
            EvidenceHint = "For example: video from a body camera, a memo, emails, logbooks. Say where it is kept, " +
                "if you know, but do not go looking for it at work.",
            InternalLegend = "Reporting inside the government",
            Reported = "Was this reported inside the government?",
            Channels = "Where was it reported?",
            ChannelNames = new Dictionary<ReportingChannel, string>
            {
                [ReportingChannel.Opr] = "ICE Office of Professional Responsibility (OPR)",
                [ReportingChannel.Oig] = "DHS Office of Inspector General (OIG)",
                [ReportingChannel.Osc] = "U.S. Office of Special Counsel (OSC)",
                [ReportingChannel.Crcl] = "DHS Office for Civil Rights and Civil Liberties (CRCL)",
                [ReportingChannel.Congress] = "Congress (a member, a committee, or their staff)",
                [ReportingChannel.Supervisor] = "A supervisor",
                [ReportingChannel.Other] = "Somewhere else",
            },
            Outcome = "What happened after it was reported?",
            Retaliation = "Retaliation",
            RetaliationHint = "Have you or others been punished, threatened or treated differently because of this?",
            Description = "What happened",
            DescriptionHint = "In your own words: what happened, who was involved (roles rather than names, if you " +
                "prefer), and why you think it was wrong.",
            Files = "Attach files",
            FilesHint = "You can choose several files. Up to {1} files and {0} in all. Remove hidden information first.",
            FilesMetadata =
                "Without JavaScript, this page cannot check or clean your files: they are sent exactly as they are. Photos " +
                "and documents often hold hidden information that can identify you, such as where a photo was taken, the " +
                "camera's serial number or the author's name. Clean each file first: in Tails, open Metadata Cleaner " +
                "(Applications, Accessories) and add the file; on a Linux computer you trust, run mat2 on it. Then choose the " +
                "cleaned copy here.",
            FilesMetadataScript =
                "This browser checks each file you choose for hidden information that can identify you, such as where a " +
                "photo was taken or the author's name, and offers a cleaned copy. Nothing is sent until you press the button.",
            SendButton = "Encrypt and send",

            ResultTitle = "Your report was received",
            CodenameHeading = "Your codename",
            CodenameAdvice =
            [
                "This is the only time you will see it. Write it on paper now, and keep the paper somewhere safe and private.",
                "With it you can read the reviewers' replies and send more information. Without it, nobody can " +
                "connect you to this report, including you. It cannot be recovered.",
                "Do not store it on a work device, in email, or in a phone note that is backed up online.",
                "Do not share it with anyone.",
            ],
            ReceiptLabel = "Receipt",
            ReceiptHint = "The reviewers can confirm this number if you ask, using your codename. You do not need to keep it.",
            ResultPathHeading = "How your report was protected",
            ResultPathServer =
            [
                "Because JavaScript was off, the server encrypted your report and files in its memory as they arrived, " +
                "to the reviewers' keys, and stored only the encrypted result. Nothing readable was written to disk.",
                "With JavaScript on, your browser would have encrypted everything before sending, so that not even " +
                "the server saw it. The no-JavaScript way trusts the server while you send; both ways keep your " +
                "report unreadable to anyone who takes the server later.",
            ],
            ResultPathBrowser =
            [
                "JavaScript was on, so this browser encrypted your report and files to the reviewers' keys before they " +
                "left your computer. The server received and stored only encrypted data that only the reviewers can open.",
            ],
            FilesSentHeading = "Files sent with your report",
            NoFilesSent = "No files were sent.",
            ResultMailboxLink = "Check for replies later",

            SubmittedTitle = "Report sent",
            SubmittedBody = "Your codename is shown only once, on the page right after you send a report, and this " +
                "site does not keep it. If you did not write it down, you can send a new report to receive a new one.",

            ProblemTitle = "Your report was not sent",
            Problems = new Dictionary<FormProblem, string>
            {
                [FormProblem.Malformed] = "The form did not arrive in the expected shape. Nothing was stored. Please fill it in again.",
                [FormProblem.Incomplete] = "The upload stopped before the end, perhaps because the connection dropped. " +
                    "Nothing was stored. Please try again.",
                [FormProblem.TooLarge] = "The files are larger than this form accepts. Nothing was stored. Send fewer or smaller files.",
                [FormProblem.TooManyFiles] = "There are more files than this form accepts. Nothing was stored.",
                [FormProblem.BadToken] = "The form's safety check failed. Nothing was stored. Load the form again and resend.",
                [FormProblem.TooSoon] = "The form was sent within seconds of loading. To slow down floods it must wait a " +
                    "moment. Nothing was stored. Go back, wait a few seconds and send again.",
                [FormProblem.Expired] = "The form was open for too long and its ticket expired. Nothing was stored. Load it again.",
                [FormProblem.Reused] = "This form was already sent once. Nothing more was stored. If you meant to send " +
                    "something new, load the form again.",
                [FormProblem.Busy] = "The site is very busy. Nothing was stored. Please try again in a few minutes.",
                [FormProblem.Unavailable] = "The site cannot accept reports right now. Nothing was stored. Please try again later.",
                [FormProblem.NoMailbox] = "No mailbox found for this codename. Check the words.",
            },
            BackToForm = "Back to the form",
        },

        Mailbox = EnglishMailboxText.Instance,
    };
}
