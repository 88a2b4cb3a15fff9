using WhistleSubmit.Crypto.Streams;

namespace WhistleSubmit.Crypto.Tar;

/// <summary>
/// Presents a caller's content stream to TarWriter as seekable with a declared length. TarWriter takes the header
/// size from Length − Position and then copies to end of stream, and refuses unseekable data on an unseekable archive;
/// this view lets it stream any source while we guarantee the header tells the truth: a source that ends early or
/// runs long throws, and the bytes are hashed on the way through.
/// </summary>
internal sealed class DeclaredLengthStream(Stream source, long length) : KnownLengthReadStream(length)
{
    public override bool CanSeek => true;

    /// <summary>SHA-256 of all the bytes read (call after the copy).</summary>
    internal byte[] GetHash() => HashAndReset();

    protected override int ReadSource(long offset, Span<byte> buffer) => source.Read(buffer);

    protected override Exception EndedEarly() => new InvalidOperationException("The content is shorter than its declared length.");

    // Confirm the source really ends here, or the archive would silently drop the excess.
    protected override void AtEnd()
    {
        if (source.Read(stackalloc byte[1]) != 0)
        {
            throw new InvalidOperationException("The content is longer than its declared length.");
        }
    }
}
