namespace WhistleSubmit.Crypto.Containers;

/// <summary>An attachment as the source named it, and its exact size; entry <c>files/NNN-…</c> number NNN is its position + 1.</summary>
public sealed record AttachmentInfo
{
    /// <summary>The original file name (kept only here; the tar entry carries a safe basename).</summary>
    public required string Name { get; init; }

    /// <summary>The size in bytes; must equal the tar entry's size.</summary>
    public required long Size { get; init; }

    /// <summary>v3 only, required there: whether this is the browser's cleaned copy or the original (v1 and v2: absent).</summary>
    public AttachmentCopy? Copy { get; init; }
}
