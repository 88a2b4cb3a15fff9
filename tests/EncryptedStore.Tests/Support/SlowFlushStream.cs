namespace WhistleSubmit.EncryptedStore.Tests.Support;

/// <summary>An in-memory "disk" whose fsync takes a while, like a real one, and counts how often it ran.</summary>
internal sealed class SlowFlushStream(TimeSpan flushTime) : MemoryStream
{
    private int _flushes;

    public int FlushCount => Volatile.Read(ref _flushes);

    public override void Flush()
    {
        Thread.Sleep(flushTime);
        Interlocked.Increment(ref _flushes);
    }
}
