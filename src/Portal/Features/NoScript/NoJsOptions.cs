namespace WhistleSubmit.Portal.Features.NoScript;

/// <summary>The "Portal:NoJs" settings: limits of the forms that post to the server (no-JavaScript path).</summary>
public sealed class NoJsOptions
{
    public const string Section = "Portal:NoJs";

    /// <summary>All attachments together, the same total as the browser path (default 2 GiB).</summary>
    public long MaxTotalBytes { get; set; } = 2L << 30;

    /// <summary>Largest single attachment.</summary>
    public long MaxFileBytes { get; set; } = 2L << 30;

    /// <summary>Most attachments in one form.</summary>
    public int MaxFiles { get; set; } = 100;

    /// <summary>A form ticket is refused when younger than this: a person reads and types; a flood script does not wait.</summary>
    public int FormTokenMinAgeSeconds { get; set; } = 5;

    /// <summary>…and when older than this: long enough to write a careful report.</summary>
    public int FormTokenLifetimeSeconds { get; set; } = 6 * 3600;

    /// <summary>Spent tickets remembered at once; beyond that new posts get 503 until some expire.</summary>
    public int FormTokenReplayCapacity { get; set; } = 100_000;

    /// <summary>Codename checks per minute for the whole portal (each is scrypt with 32 MiB of memory).</summary>
    public int CodenameChecksPerMinute { get; set; } = 60;

    /// <summary>
    /// No-JS posts handled at once (each may spool up to <see cref="MaxTotalBytes"/> and encrypts in memory); a post
    /// that finds them all taken waits up to 10 s, then is told the portal is busy.
    /// </summary>
    public int PostsAtOnce { get; set; } = 4;

    /// <summary>Codename checks running at once.</summary>
    public int CodenameChecksAtOnce { get; set; } = 2;
}
