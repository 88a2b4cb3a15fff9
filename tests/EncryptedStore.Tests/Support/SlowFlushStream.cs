namespace WhistleSubmit.EncryptedStore.Tests.Support;

/// <summary>An in-memory "disk" whose fsync takes a while, like a real one, and counts how often it ran.</summary>
internal sealed class SlowFlushStream(TimeSpan flushTime) : MemoryStream
{
    private int flushes;

    public int FlushCount => Volatile.Read(ref flushes);

    public override void Flush()
    {
        Thread.Sleep(flushTime);
        Interlocked.Increment(ref flushes);
    }
}
