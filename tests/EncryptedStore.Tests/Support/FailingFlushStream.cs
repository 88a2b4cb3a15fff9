namespace WhistleSubmit.EncryptedStore.Tests.Support;

/// <summary>
/// An in-memory "disk" whose next fsync fails once when armed, like Linux reporting a writeback error (EIO) once
/// and then reporting success for the same, possibly lost, pages.
/// </summary>
internal sealed class FailingFlushStream : MemoryStream
{
    public bool FailNextFlush { get; set; }

    public override void Flush()
    {
        if (FailNextFlush)
        {
            FailNextFlush = false;
            throw new IOException("Simulated writeback error.");
        }
    }
}
