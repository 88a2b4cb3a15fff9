using System.IO.Pipelines;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Crypto.Padding;
using WhistleSubmit.Portal.Configuration.Recipients;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.NoScript;

/// <summary>
/// The no-JS path's encryption (invariant 1): the container is built and age-encrypted to every reviewer recipient
/// in memory, and only ciphertext flows on to the store. Age's streams are synchronous, so the container is written
/// on a worker thread into a small pipe that the store reads from: memory stays bounded by the pipe, whatever the
/// size of the files, and a failure on either side fails the other, so the store never sees a clean end.
/// </summary>
public sealed class SubmissionSealer(ReviewerKeys reviewerKeys)
{
    private const long PipeBytes = 1L << 20;

    /// <summary>Encrypts and stores a first submission; returns the receipt (the store's item id).</summary>
    public Task<string> SealAsync(SourceStore store, string mailboxId, ReportV1 report, IReadOnlyList<SpooledFile> files) =>
        SealAsync(store, ItemKind.Submission, mailboxId, files, output => new SubmissionWriter(output, report, leaveOpen: true));

    /// <summary>Encrypts and stores a follow-up message.</summary>
    public Task<string> SealAsync(SourceStore store, string mailboxId, MessageV1 message, IReadOnlyList<SpooledFile> files) =>
        SealAsync(store, ItemKind.Followup, mailboxId, files, output => new SubmissionWriter(output, message, leaveOpen: true));

    /// <summary>Encrypts and stores a consent answer; it is a follow-up to the portal (the same item kind, so it looks like one).</summary>
    public Task<string> SealAsync(SourceStore store, string mailboxId, ConsentAnswerV1 consent) =>
        SealAsync(store, ItemKind.Followup, mailboxId, [], output => new SubmissionWriter(output, consent, leaveOpen: true));

    /// <summary>The most ciphertext a container of these files can need: tar headers, document, PADMÉ, age overhead.</summary>
    internal static long MaxCiphertextBytes(long fileBytes, int fileCount)
    {
        long plain = fileBytes + ((fileCount + 4L) * 1024) + (2L << 20);
        long padded = Padme.PaddedLength(plain);
        return padded + ((padded / (64 * 1024)) + 1) * 16 + (64 * 1024);
    }

    private async Task<string> SealAsync(
        SourceStore store, ItemKind kind, string mailboxId, IReadOnlyList<SpooledFile> files, Func<Stream, SubmissionWriter> start)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: PipeBytes, resumeWriterThreshold: PipeBytes / 2, useSynchronizationContext: false));
        var producer = Task.Run(() => Produce(pipe.Writer, files, start));
        long maxBytes = MaxCiphertextBytes(files.Sum(f => f.Length), files.Count);
        try
        {
            return await Task.Run(() =>
            {
                using var ciphertext = pipe.Reader.AsStream();
                return store.StoreItem(kind, mailboxId, ciphertext, maxBytes);
            });
        }
        finally
        {
            // Unblocks the producer if the store gave up first; its own exception already reached the store.
            await pipe.Reader.CompleteAsync();
            await producer;
        }
    }

    private void Produce(PipeWriter writer, IReadOnlyList<SpooledFile> files, Func<Stream, SubmissionWriter> start)
    {
        try
        {
            using (var pipeStream = writer.AsStream(leaveOpen: true))
            using (var encrypted = AgeEncryption.Encrypt(pipeStream, reviewerKeys.Recipients, leaveOpen: true))
            {
                using var container = start(encrypted);
                foreach (var file in files)
                {
                    using var plain = file.OpenRead();
                    container.AddAttachment(plain);
                }

                container.Complete();
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            // The reader sees this exception instead of the end of the stream.
            writer.Complete(e);
        }
    }
}
