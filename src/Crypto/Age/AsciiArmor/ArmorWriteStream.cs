using System.Buffers;
using System.Buffers.Text;
using WhistleSubmit.Crypto.Streams;

namespace WhistleSubmit.Crypto.Age.AsciiArmor;

/// <summary>Spec "ASCII armor": writes the PEM block with 64-column LF-terminated lines; Dispose writes the footer.</summary>
internal sealed class ArmorWriteStream : WriteOnlyStreamBase
{
    private const int LinesPerBlock = 64;

    private readonly Stream output;
    private readonly bool leaveOpen;
    private readonly byte[] pending = new byte[ArmorFormat.BytesPerLine];
    private readonly byte[] block = new byte[LinesPerBlock * (ArmorFormat.ColumnsPerLine + 1)];
    private int pendingCount;
    private int blockCount;
    private bool disposed;

    public ArmorWriteStream(Stream output, bool leaveOpen)
    {
        this.output = output;
        this.leaveOpen = leaveOpen;
        output.Write(ArmorFormat.BeginLine);
        output.WriteByte((byte)'\n');
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        while (!buffer.IsEmpty)
        {
            if (pendingCount == 0 && buffer.Length >= ArmorFormat.BytesPerLine)
            {
                EncodeLine(buffer[..ArmorFormat.BytesPerLine]);
                buffer = buffer[ArmorFormat.BytesPerLine..];
                continue;
            }

            int n = Math.Min(ArmorFormat.BytesPerLine - pendingCount, buffer.Length);
            buffer[..n].CopyTo(pending.AsSpan(pendingCount));
            pendingCount += n;
            buffer = buffer[n..];
            if (pendingCount == ArmorFormat.BytesPerLine)
            {
                EncodeLine(pending);
                pendingCount = 0;
            }
        }
    }

    public override void Flush()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        FlushBlock();
        output.Flush();
    }

    private void EncodeLine(ReadOnlySpan<byte> data)
    {
        if (block.Length - blockCount < ArmorFormat.ColumnsPerLine + 1)
        {
            FlushBlock();
        }

        OperationStatus status = Base64.EncodeToUtf8(data, block.AsSpan(blockCount), out _, out int written);
        if (status != OperationStatus.Done)
        {
            throw new InvalidOperationException("Base64 encoding failed.");
        }

        blockCount += written;
        block[blockCount++] = (byte)'\n';
    }

    private void FlushBlock()
    {
        output.Write(block, 0, blockCount);
        blockCount = 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            try
            {
                if (pendingCount > 0)
                {
                    EncodeLine(pending.AsSpan(0, pendingCount));
                }

                FlushBlock();
                output.Write(ArmorFormat.EndLine);
                output.WriteByte((byte)'\n');
                output.Flush();
            }
            finally
            {
                if (!leaveOpen)
                {
                    output.Dispose();
                }
            }
        }

        base.Dispose(disposing);
    }
}
