using WhistleSubmit.Crypto.Hashing;
using WhistleSubmit.Crypto.Streams;

namespace WhistleSubmit.ReviewerConsole.Shared;

/// <summary>A read-only pass-through that counts what is read and SHA-256-hashes it on the thread pool (<see cref="BackgroundSha256"/>).</summary>
internal sealed class HashingReadStream(Stream source) : ReadOnlyStreamBase
{
    private readonly BackgroundSha256 sha256 = new();

    public long BytesRead { get; private set; }

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    /// <summary>The SHA-256 of everything read, in lower-case hex; once, after the last read.</summary>
    public string FinishSha256() => Convert.ToHexStringLower(sha256.Finish());

    public override int Read(Span<byte> buffer)
    {
        int n = source.Read(buffer);
        if (n > 0)
        {
            sha256.Append(buffer[..n]);
            BytesRead += n;
        }

        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            sha256.Dispose();
        }

        base.Dispose(disposing);
    }
}
