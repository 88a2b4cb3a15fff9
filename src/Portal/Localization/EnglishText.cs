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
        DemoBody = "This portal is running with a demonstration key that is kept on this same server, so whoever runs " +
            "the server could read anything sent here. Real reviewers have not been set up.",

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
    };
}
