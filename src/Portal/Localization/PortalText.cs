namespace WhistleSubmit.Portal.Localization;

/// <summary>
/// Every string the source side shows, for one language. The properties are required, so a language that misses a
/// string does not compile. The texts themselves live in one file per language (EnglishText, SpanishText).
/// </summary>
public sealed record PortalText
{
    /// <summary>The BCP 47 code, used in the path and in &lt;html lang&gt;.</summary>
    public required string Code { get; init; }

    /// <summary>The name of this language in itself, as the switch on the other language's pages shows it.</summary>
    public required string Name { get; init; }

    public required string SwitchToThisLanguage { get; init; }

    public required string SiteName { get; init; }

    public required string SkipToContent { get; init; }

    public required string NavigationLabel { get; init; }

    public required string NavHome { get; init; }

    public required string NavAbout { get; init; }

    public required string LanguageLabel { get; init; }

    public required string FooterNote { get; init; }

    public required string DemoTitle { get; init; }

    public required string DemoBody { get; init; }

    public required string LandingTitle { get; init; }

    public required IReadOnlyList<string> LandingIntro { get; init; }

    public required TextSection StaySafe { get; init; }

    public required TextSection HiddenInFiles { get; init; }

    public required TextSection OnlyYouWouldKnow { get; init; }

    public required TextSection WhatWeKeep { get; init; }

    public required TextSection WhatWeNeverLearn { get; init; }

    public required TextSection WhatHappensNext { get; init; }

    public required string KeysHeading { get; init; }

    public required string KeysIntro { get; init; }

    public required string KeysDemoNote { get; init; }

    public required string FingerprintLabel { get; init; }

    public required string FullKeyLabel { get; init; }

    public required string UnnamedKey { get; init; }

    /// <summary>Names the team signing key, whose fingerprint follows (the reviewers signed the keys above with it).</summary>
    public required string TeamKeyLabel { get; init; }

    /// <summary>Why the team key matters: the browser encrypts only to keys it signed.</summary>
    public required string TeamKeyExplanation { get; init; }

    /// <summary>Before the day the reviewers signed the key list.</summary>
    public required string SetIssuedLabel { get; init; }

    /// <summary>Before the hash of /js/team.js (which holds the team key for the browser).</summary>
    public required string TeamScriptLabel { get; init; }

    public required string AboutTitle { get; init; }

    public required IReadOnlyList<string> AboutIntro { get; init; }

    public required string FingerprintHeading { get; init; }

    public required string FingerprintExplanation { get; init; }

    public required string FingerprintCommandIntro { get; init; }

    public required string EncryptionHeading { get; init; }

    public required string EncryptionExplanation { get; init; }

    public required string LicencesHeading { get; init; }

    public required string WordlistAttribution { get; init; }

    public required string SoftwareLicencesIntro { get; init; }

    public required IReadOnlyList<string> SoftwareLicences { get; init; }

    /// <summary>What stands for the key in the sha256sum command shown on the About page.</summary>
    public required string FingerprintCommandKey { get; init; }

    /// <summary>The report form (no-JS path here; the browser path enhances the same form).</summary>
    public required SubmitText Submit { get; init; }

    /// <summary>Replies and follow-ups.</summary>
    public required MailboxText Mailbox { get; init; }
}
