using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using WhistleSubmit.Crypto.Padding;
using WhistleSubmit.Crypto.Tar;

namespace WhistleSubmit.Crypto.Containers;

/// <summary>
/// Reads a submission container strictly (docs/FORMATS.md#submission-container): plain ustar regular files only, the
/// document first and bounded, then exactly the attachments it lists under their numbered safe names with their
/// declared sizes, then the end-of-archive marker and zero padding to exactly the PADMÉ length. Every limit is checked
/// from a header before the data behind it is read.
/// </summary>
public static class SubmissionReader
{
    private const int EndOfArchiveLength = 2 * TarInput.BlockSize;

    /// <summary>
    /// Reads and verifies <paramref name="input"/> to its end, handing each attachment's data to
    /// <paramref name="onAttachment"/> as it streams past (the stream is valid only during the call). The container
    /// is verified only when this returns: if it throws, discard everything the callback received.
    /// </summary>
    /// <exception cref="ContainerException">The container is malformed or over <paramref name="limits"/>.</exception>
    /// <remarks>Exceptions thrown by <paramref name="input"/> itself (I/O, age payload failures) and by the callback pass through unchanged.</remarks>
    public static SubmissionContents Read(Stream input, Action<ContainerAttachment, Stream> onAttachment, ContainerLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(onAttachment);
        limits ??= ContainerLimits.Default;
        limits.Validate();
        if (!input.CanRead)
        {
            throw new ArgumentException("The input must be readable.", nameof(input));
        }

        try
        {
            return ReadCore(input, onAttachment, limits);
        }
        catch (TarSourceException ex)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException!);
            throw;
        }
        catch (TarCallbackException ex)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException!);
            throw;
        }
        catch (ContainerException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            // TarReader's InvalidDataException / EndOfStreamException / FormatException, JSON errors, our own
            // TarFormatException: all the same to the caller, and none may leak input bytes through its message.
            throw new ContainerException();
        }
    }

    private static SubmissionContents ReadCore(Stream input, Action<ContainerAttachment, Stream> onAttachment, ContainerLimits limits)
    {
        using var tar = new StrictTarReader(input);
        StrictTarEntry first = tar.Next(limits.MaxDocumentBytes) ?? throw new ContainerException();
        byte[] json = new byte[first.Length];
        first.Data.ReadExactly(json);

        ReportV1? report = null;
        MessageV1? message = null;
        ConsentAnswerV1? consent = null;
        IReadOnlyList<AttachmentInfo> listed;
        switch (first.Name)
        {
            case "report.json":
                report = Parse(json, SubmissionJsonContext.Default.ReportV1);
                listed = DocumentRules.IsValid(report) ? report.Attachments : throw new ContainerException();
                break;
            case "message.json":
                message = Parse(json, SubmissionJsonContext.Default.MessageV1);
                listed = DocumentRules.IsValid(message) ? message.Attachments : throw new ContainerException();
                break;
            case "consent.json":
                consent = Parse(json, SubmissionJsonContext.Default.ConsentAnswerV1);
                listed = DocumentRules.IsValid(consent) ? [] : throw new ContainerException();
                break;
            default:
                throw new ContainerException();
        }

        if (listed.Count > limits.MaxAttachments)
        {
            throw new ContainerException();
        }

        var attachments = new List<ContainerAttachment>(listed.Count);
        for (int i = 0; i < listed.Count; i++)
        {
            AttachmentInfo info = listed[i];
            StrictTarEntry entry = tar.Next(limits.MaxAttachmentBytes) ?? throw new ContainerException();
            string prefix = SafeFileName.EntryName(i + 1, string.Empty);
            if (entry.Length != info.Size
                || entry.DataOffset + entry.Length > limits.MaxTotalBytes
                || !entry.Name.StartsWith(prefix, StringComparison.Ordinal)
                || !SafeFileName.IsSafe(entry.Name[prefix.Length..]))
            {
                throw new ContainerException();
            }

            var attachment = new ContainerAttachment(i + 1, entry.Name, info);
            attachments.Add(attachment);
            using var view = new EntryView(entry.Data);
            try
            {
                onAttachment(attachment, view);
            }
            catch (Exception ex) when (ex is not (TarSourceException or ContainerException))
            {
                throw new TarCallbackException(ex);
            }
        }

        if (tar.Next(0) is not null)
        {
            throw new ContainerException();
        }

        long padded = Padme.PaddedLength(tar.EndOfArchive + EndOfArchiveLength);
        if (padded > limits.MaxTotalBytes || tar.ReadTrailingZeros(padded) != padded)
        {
            throw new ContainerException();
        }

        return new SubmissionContents { Report = report, Message = message, Consent = consent, Attachments = attachments, Length = padded };
    }

    private static T Parse<T>(byte[] json, JsonTypeInfo<T> type)
    {
        // System.Text.Json would accept a BOM and replace nothing, but we want plain UTF-8 and nothing else.
        if (!Utf8.IsValid(json) || json.AsSpan().StartsWith("\uFEFF"u8))
        {
            throw new ContainerException();
        }

        return JsonSerializer.Deserialize(json, type) ?? throw new ContainerException();
    }
}
