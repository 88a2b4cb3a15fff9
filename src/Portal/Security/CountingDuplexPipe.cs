using System.Buffers;
using System.IO.Pipelines;

namespace WhistleSubmit.Portal.Security;

/// <summary>
/// A connection's transport with every byte read from the client and written to it counted into its
/// <see cref="ConnectionSlot"/>, so that at the limit <see cref="ConnectionLimiter"/> can tell a connection that moves
/// data from one that only holds its place.
/// </summary>
internal sealed class CountingDuplexPipe(IDuplexPipe inner, ConnectionSlot slot) : IDuplexPipe
{
    public PipeReader Input { get; } = new CountingReader(inner.Input, slot);

    public PipeWriter Output { get; } = new CountingWriter(inner.Output, slot);

    private sealed class CountingReader(PipeReader inner, ConnectionSlot slot) : PipeReader
    {
        // What the last read returned and was not consumed: a later read returns it again before any new byte.
        private ReadOnlySequence<byte> last;
        private long unconsumed;

        public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(cancellationToken).ConfigureAwait(false));

        public override bool TryRead(out ReadResult result)
        {
            if (!inner.TryRead(out result))
            {
                return false;
            }

            result = Counted(result);
            return true;
        }

        public override void AdvanceTo(SequencePosition consumed)
        {
            unconsumed = last.Slice(consumed).Length;
            inner.AdvanceTo(consumed);
        }

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
        {
            unconsumed = last.Slice(consumed).Length;
            inner.AdvanceTo(consumed, examined);
        }

        public override void CancelPendingRead() => inner.CancelPendingRead();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        private ReadResult Counted(ReadResult result)
        {
            slot.Moved(Math.Max(0, result.Buffer.Length - unconsumed));
            last = result.Buffer;
            unconsumed = result.Buffer.Length;
            return result;
        }
    }

    private sealed class CountingWriter(PipeWriter inner, ConnectionSlot slot) : PipeWriter
    {
        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;

        public override void Advance(int bytes)
        {
            slot.Moved(bytes);
            inner.Advance(bytes);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
        {
            slot.Moved(source.Length);
            return inner.WriteAsync(source, cancellationToken);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);
    }
}
