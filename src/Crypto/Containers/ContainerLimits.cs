namespace WhistleSubmit.Crypto.Containers;

/// <summary>Hard limits a <see cref="SubmissionReader"/> checks from headers before reading any data.</summary>
public sealed record ContainerLimits
{
    /// <summary>The largest number of attachments any container can hold (entry names number them 001–999).</summary>
    public const int AttachmentNumberLimit = 999;

    /// <summary>Defaults: 1 MiB document, 100 attachments, 4 GiB per attachment, 8 GiB in all.</summary>
    public static ContainerLimits Default { get; } = new();

    /// <summary>Largest report.json / message.json in bytes.</summary>
    public int MaxDocumentBytes { get; init; } = 1024 * 1024;

    /// <summary>Most attachments (at most <see cref="AttachmentNumberLimit"/>).</summary>
    public int MaxAttachments { get; init; } = 100;

    /// <summary>Largest single attachment in bytes.</summary>
    public long MaxAttachmentBytes { get; init; } = 4L << 30;

    /// <summary>Largest whole container, padding included, in bytes.</summary>
    public long MaxTotalBytes { get; init; } = 8L << 30;

    internal void Validate()
    {
        if (MaxDocumentBytes <= 0 || MaxAttachments < 0 || MaxAttachments > AttachmentNumberLimit
            || MaxAttachmentBytes < 0 || MaxTotalBytes <= 0)
        {
            throw new ArgumentException("Container limits are out of range.");
        }
    }
}
