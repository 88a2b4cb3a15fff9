using System.Formats.Tar;
using System.Text.Json;
using WhistleSubmit.Crypto.Padding;
using WhistleSubmit.Crypto.Tar;

namespace WhistleSubmit.Crypto.Containers;

/// <summary>
/// Writes a submission container (docs/FORMATS.md#submission-container): a ustar stream with report.json, message.json or consent.json,
/// then <c>files/NNN-&lt;safe name&gt;</c> for each attachment the document lists, in order, then the end-of-archive
/// blocks and zero padding up to the PADMÉ length. Streams: the output need not be seekable (it is usually an age
/// encryption stream) and attachments are copied, never buffered.
/// </summary>
public sealed class SubmissionWriter : IDisposable
{
    private readonly TarOutput output;
    private readonly Stream target;
    private readonly bool leaveOpen;
    private readonly IReadOnlyList<AttachmentInfo> attachments;
    private TarWriter? tar;
    private int written;
    private bool faulted;
    private bool disposed;

    /// <summary>Starts a first submission: writes <c>report.json</c>.</summary>
    /// <exception cref="ArgumentException">The report breaks its schema bounds.</exception>
    public SubmissionWriter(Stream output, ReportV1 report, bool leaveOpen = false)
        : this(output, leaveOpen, CheckedAttachments(report))
    {
        WriteDocument("report.json", JsonSerializer.SerializeToUtf8Bytes(report, SubmissionJsonContext.Default.ReportV1));
    }

    /// <summary>Starts a follow-up: writes <c>message.json</c>.</summary>
    /// <exception cref="ArgumentException">The message breaks its schema bounds.</exception>
    public SubmissionWriter(Stream output, MessageV1 message, bool leaveOpen = false)
        : this(output, leaveOpen, CheckedAttachments(message))
    {
        WriteDocument("message.json", JsonSerializer.SerializeToUtf8Bytes(message, SubmissionJsonContext.Default.MessageV1));
    }

    /// <summary>Starts a consent answer: writes <c>consent.json</c> (no attachments; call <see cref="Complete"/> next).</summary>
    /// <exception cref="ArgumentException">The answer breaks its schema bounds.</exception>
    public SubmissionWriter(Stream output, ConsentAnswerV1 consent, bool leaveOpen = false)
        : this(output, leaveOpen, CheckedAttachments(consent))
    {
        WriteDocument("consent.json", JsonSerializer.SerializeToUtf8Bytes(consent, SubmissionJsonContext.Default.ConsentAnswerV1));
    }

    private SubmissionWriter(Stream output, bool leaveOpen, IReadOnlyList<AttachmentInfo> attachments)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite)
        {
            throw new ArgumentException("The output must be writable.", nameof(output));
        }

        target = output;
        this.leaveOpen = leaveOpen;
        this.attachments = attachments;
        this.output = new TarOutput(output);
        tar = new TarWriter(this.output, TarEntryFormat.Ustar, leaveOpen: true);
    }

    /// <summary>
    /// Writes the next attachment listed in the document, reading exactly its declared size from
    /// <paramref name="content"/>, and returns its entry name.
    /// </summary>
    /// <exception cref="InvalidOperationException">Every listed attachment is written already, or the content is shorter or longer than declared (the writer is then unusable).</exception>
    public string AddAttachment(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        TarWriter writer = Writable();
        if (written == attachments.Count)
        {
            throw new InvalidOperationException("Every attachment listed in the document has been written.");
        }

        AttachmentInfo info = attachments[written];
        string name = SafeFileName.EntryName(written + 1, SafeFileName.Sanitize(info.Name));
        faulted = true;
        using (var data = new DeclaredLengthStream(content, info.Size))
        {
            writer.WriteEntry(UstarEntries.RegularFile(name, data));
        }

        faulted = false;
        written++;
        return name;
    }

    /// <summary>Writes the end-of-archive blocks and the PADMÉ padding, and flushes. Returns the total length.</summary>
    /// <exception cref="InvalidOperationException">Not every listed attachment has been written.</exception>
    public long Complete()
    {
        TarWriter writer = Writable();
        if (written != attachments.Count)
        {
            throw new InvalidOperationException("Not every attachment listed in the document has been written.");
        }

        writer.Dispose();
        tar = null;
        output.WriteZeros(Padme.PaddedLength(output.Written) - output.Written);
        output.Flush();
        return output.Written;
    }

    /// <summary>Releases the output (unless leaveOpen). An incomplete container is left without its end marker, so no reader accepts it.</summary>
    public void Dispose()
    {
        // Disposing the TarWriter would write end-of-archive blocks and make a truncated container look finished.
        tar = null;
        if (!disposed && !leaveOpen)
        {
            target.Dispose();
        }

        disposed = true;
    }

    private static IReadOnlyList<AttachmentInfo> CheckedAttachments(ReportV1 report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return DocumentRules.IsValid(report) ? report.Attachments : throw new ArgumentException("The report breaks its schema.", nameof(report));
    }

    private static IReadOnlyList<AttachmentInfo> CheckedAttachments(MessageV1 message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return DocumentRules.IsValid(message) ? message.Attachments : throw new ArgumentException("The message breaks its schema.", nameof(message));
    }

    private static IReadOnlyList<AttachmentInfo> CheckedAttachments(ConsentAnswerV1 consent)
    {
        ArgumentNullException.ThrowIfNull(consent);
        return DocumentRules.IsValid(consent) ? [] : throw new ArgumentException("The consent answer breaks its schema.", nameof(consent));
    }

    private void WriteDocument(string name, byte[] json)
    {
        using var data = new MemoryStream(json, writable: false);
        Writable().WriteEntry(UstarEntries.RegularFile(name, data));
    }

    private TarWriter Writable()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (faulted)
        {
            throw new InvalidOperationException("A previous attachment failed; this container cannot be completed.");
        }

        return tar ?? throw new InvalidOperationException("The container is complete.");
    }
}
