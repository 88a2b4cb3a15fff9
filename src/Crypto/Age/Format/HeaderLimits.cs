namespace WhistleSubmit.Crypto.Age.Format;

/// <summary>
/// Caps on untrusted headers, checked while reading and before any key agreement or scrypt runs
/// (spec "Header"; docs/DEVELOPMENT.md#parse-strictly-bound-work-early). Generous for real files: an mlkem768x25519 stanza is about
/// 1.6 KB, so 128 KiB holds ~80 of them.
/// </summary>
internal static class HeaderLimits
{
    /// <summary>Total header bytes, version line through the MAC line.</summary>
    public const int MaxHeaderBytes = 128 * 1024;

    /// <summary>One argument line (<c>-> ...</c>): an mlkem768x25519 line is ~1,515 bytes.</summary>
    public const int MaxArgumentLineBytes = 4096;

    /// <summary>Arguments per stanza, type included.</summary>
    public const int MaxArguments = 32;

    /// <summary>Stanzas per header.</summary>
    public const int MaxStanzas = 256;

    /// <summary>Columns of a full stanza body line.</summary>
    public const int ColumnsPerLine = 64;
}
