namespace WhistleSubmit.Crypto.Containers;

/// <summary>A fully verified container: exactly one of <see cref="Report"/>, <see cref="Message"/> and <see cref="Consent"/> is set.</summary>
public sealed record SubmissionContents
{
    /// <summary>The report of a first submission, or null for a follow-up.</summary>
    public ReportV1? Report { get; init; }

    /// <summary>The message of a follow-up, or null for a first submission.</summary>
    public MessageV1? Message { get; init; }

    /// <summary>A consent answer (sent as a follow-up), or null.</summary>
    public ConsentAnswerV1? Consent { get; init; }

    /// <summary>The attachments, in entry order.</summary>
    public required IReadOnlyList<ContainerAttachment> Attachments { get; init; }

    /// <summary>The container's total length, padding included.</summary>
    public required long Length { get; init; }
}
