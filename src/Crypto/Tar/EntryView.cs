using WhistleSubmit.Crypto.Streams;

namespace WhistleSubmit.Crypto.Tar;

/// <summary>
/// The read-only stream a caller gets for one entry's data. Disposing it does not close the archive, and it stops
/// working once the reader moves on, so a caller cannot disturb the archive position or read out of turn.
/// </summary>
internal sealed class EntryView(Stream data) : ReadOnlyStreamBase
{
    private bool closed;

    public override bool CanRead => !closed;

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(closed, this);
        return data.Read(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        closed = true;
        base.Dispose(disposing);
    }
}
