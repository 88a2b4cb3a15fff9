using System.Security.Cryptography;
using WhistleSubmit.Crypto.Streams;

namespace WhistleSubmit.Portal.Features.Transfer.Operations;

/// <summary>
/// Passes every byte on to another stream and hashes it (SHA-256) and counts it on the way: the SHA-256 of a bundle
/// that reaches the disk only encrypted. Does not dispose the inner stream.
/// </summary>
internal sealed class HashingWriteStream(Stream inner) : WriteOnlyStreamBase
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long Written { get; private set; }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        hash.AppendData(buffer);
        inner.Write(buffer);
        Written += buffer.Length;
    }

    public override void Flush() => inner.Flush();

    /// <summary>The hash of everything written, lower-case hex; ends the hashing.</summary>
    public string Sha256() => Convert.ToHexStringLower(hash.GetHashAndReset());

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
