using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Unicode;
using WhistleSubmit.Crypto.Hashing;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.Crypto.Tar;

namespace WhistleSubmit.Crypto.Bundles;

/// <summary>
/// Opens a bundle (docs/FORMATS.md#bundle) and verifies all of it before handing out a single item: plain ustar regular
/// files only; manifest.json first and bounded; then exactly <c>items/&lt;id&gt;.age</c> for each manifest item, in
/// order, with the stated size and SHA-256; then the end-of-archive marker and nothing but zeros.
/// <para>
/// A version 2 (replies) manifest is a signed document. Open checks its shape and the items against it but not the
/// signature, since the reader knows no key: a caller that trusts a team key calls <see cref="VerifyManifest"/> before
/// it reads any item. The signature covers every item's SHA-256, so a verified manifest vouches for the items.
/// </para>
/// </summary>
public sealed class BundleReader : IDisposable
{
    private readonly Stream bundle;
    private readonly bool leaveOpen;
    private readonly Dictionary<string, (BundleItem Item, long Offset)> items;
    private bool disposed;

    private BundleReader(Stream bundle, bool leaveOpen, ParsedManifest manifest, Dictionary<string, (BundleItem, long)> items, string sha256)
    {
        this.bundle = bundle;
        this.leaveOpen = leaveOpen;
        this.items = items;
        Manifest = manifest.Manifest;
        SignedManifest = manifest.Envelope is { } envelope ? new ReadOnlyMemory<byte>(envelope) : (ReadOnlyMemory<byte>?)null;
        Sha256 = sha256;
    }

    /// <summary>The manifest, checked against every entry (for version 2, not yet its signature: see <see cref="VerifyManifest"/>).</summary>
    public BundleManifest Manifest { get; }

    /// <summary>For a version 2 manifest, the manifest entry's bytes: the signed document; null for version 1 (unsigned).</summary>
    public ReadOnlyMemory<byte>? SignedManifest { get; }

    /// <summary>
    /// Checks that the manifest is a signed document of type <see cref="BundleManifest.SignedType"/> that verifies
    /// under <paramref name="key"/>. Call it before reading items from a bundle that must come from the team.
    /// </summary>
    /// <exception cref="SignatureException">Unsigned (version 1: <see cref="SignatureFailure.NotAnEnvelope"/>), signed by another key, or a bad signature.</exception>
    public void VerifyManifest(TeamPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (SignedManifest is not { } envelope)
        {
            throw new SignatureException(SignatureFailure.NotAnEnvelope);
        }

        // The payload Open returns is the one the manifest was parsed from: the envelope is parsed the same way twice.
        SignedDocument.Open(envelope.Span, key, BundleManifest.SignedType);
    }

    /// <summary>
    /// SHA-256 of the bundle bytes from the stream's starting position to its end, 64 lower-case hex digits, computed
    /// in the verification pass (so callers need not read the file once more for it).
    /// </summary>
    public string Sha256 { get; }

    /// <summary>Verifies the whole bundle, from the stream's current position to its end.</summary>
    /// <param name="bundle">The bundle; readable and seekable.</param>
    /// <param name="limits">Size and count limits, checked before the data they bound is read.</param>
    /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves <paramref name="bundle"/> open.</param>
    /// <param name="itemCopy">
    /// If given, asked once per manifest item, in order, after the item's header has passed its checks: a stream to
    /// receive a copy of the item's bytes as they are read and hashed, or null for none. The caller owns the stream. The
    /// copy is complete and equal to the verified bytes only if Open returns; after an exception it is partial and
    /// must be discarded. This lets a caller keep the items without reading the bundle a second time.
    /// </param>
    /// <exception cref="ArgumentException">The stream is not readable and seekable.</exception>
    /// <exception cref="BundleException">Anything is wrong with it, or it is over <paramref name="limits"/>.</exception>
    /// <remarks>Exceptions thrown by the stream itself (I/O), by <paramref name="itemCopy"/> and by the copy streams pass through unchanged.</remarks>
    public static BundleReader Open(Stream bundle, BundleLimits? limits = null, bool leaveOpen = false, Func<BundleItem, Stream?>? itemCopy = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        limits ??= BundleLimits.Default;
        limits.Validate();
        if (!bundle.CanRead || !bundle.CanSeek)
        {
            throw new ArgumentException("The bundle stream must be readable and seekable.", nameof(bundle));
        }

        long start = bundle.Position;
        if (bundle.Length - start > limits.MaxTotalBytes)
        {
            throw new BundleException();
        }

        var progress = new VerifyProgress();
        try
        {
            using var whole = new BackgroundSha256();
            (ParsedManifest manifest, Dictionary<string, (BundleItem, long)> offsets) = Verify(bundle, start, limits, whole, itemCopy, progress);
            return new BundleReader(bundle, leaveOpen, manifest, offsets, Convert.ToHexStringLower(whole.Finish()));
        }
        catch (TarSourceException ex)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException!);
            throw;
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            // TarReader's, JSON's and our own format errors alike; none may leak input through its message.
            throw Describe(progress, bundle.Length - start);
        }
    }

    // A file that ended while more was expected, and is shorter than its manifest requires, was cut short (an
    // interrupted copy or download); one that is short because an entry is wrong or missing is malformed.
    private static BundleException Describe(VerifyProgress progress, long actual) =>
        progress.ExpectedLength > actual && progress.Tar?.RanOut == true ? BundleException.Truncated(progress.ExpectedLength, actual)
        : progress.ItemId is not null ? BundleException.InItem(progress.ItemId)
        : new BundleException();

    /// <summary>
    /// A read-only stream of one item's bytes. It re-checks the SHA-256 as it reads and throws
    /// <see cref="BundleException"/> at the end if the file changed after verification. Read one item at a time.
    /// </summary>
    /// <exception cref="ArgumentException">No item has this id.</exception>
    public Stream OpenItem(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (!items.TryGetValue(id, out var found))
        {
            throw new ArgumentException("No item in this bundle has that id.", nameof(id));
        }

        return new BundleItemStream(bundle, found.Offset, found.Item);
    }

    /// <summary>Closes the bundle stream unless leaveOpen.</summary>
    public void Dispose()
    {
        if (!disposed && !leaveOpen)
        {
            bundle.Dispose();
        }

        disposed = true;
    }

    private static (ParsedManifest, Dictionary<string, (BundleItem, long)>) Verify(Stream bundle, long start, BundleLimits limits, BackgroundSha256 whole,
        Func<BundleItem, Stream?>? itemCopy, VerifyProgress progress)
    {
        // The whole-file hash and each item's own hash both run on the thread pool while the parser reads on.
        using var tar = new StrictTarReader(bundle, whole);
        progress.Tar = tar;
        StrictTarEntry first = tar.Next(limits.MaxManifestBytes) ?? throw new BundleException();
        if (first.Name != "manifest.json")
        {
            throw new BundleException();
        }

        byte[] json = new byte[first.Length];
        first.Data.ReadExactly(json);
        ParsedManifest parsed = ParseManifest(json, limits);
        BundleManifest manifest = parsed.Manifest;
        progress.ExpectedLength = ExpectedLength(first.Length, manifest);

        var offsets = new Dictionary<string, (BundleItem, long)>(manifest.Items.Count, StringComparer.Ordinal);
        foreach (BundleItem item in manifest.Items)
        {
            progress.ItemId = item.Id;
            StrictTarEntry entry = tar.Next(limits.MaxItemBytes) ?? throw new BundleException();
            if (entry.Name != ManifestRules.EntryName(item.Id) || entry.Length != item.Size
                || entry.DataOffset + entry.Length > limits.MaxTotalBytes || !offsets.TryAdd(item.Id, (item, start + entry.DataOffset)))
            {
                throw new BundleException();
            }

            if (!BundleItem.HashMatches(OverlappedSha256.HashToEnd(entry.Data, CopyTo(itemCopy, item)), item.Sha256))
            {
                throw new BundleException();
            }
        }

        progress.ItemId = null;

        // The end-of-archive marker is two zero blocks; anything after it must be zeros (record padding).
        if (tar.Next(0) is not null || tar.ReadTrailingZeros(limits.MaxTotalBytes) < tar.EndOfArchive + (2 * TarInput.BlockSize))
        {
            throw new BundleException();
        }

        return (parsed, offsets);
    }

    // The shortest well-formed layout: each entry a header block and its padded data, then the two-block end marker.
    private static long ExpectedLength(long manifestLength, BundleManifest manifest) =>
        TarInput.BlockSize + StrictTarReader.RoundUpToBlock(manifestLength)
        + manifest.Items.Sum(i => TarInput.BlockSize + StrictTarReader.RoundUpToBlock(i.Size))
        + (2 * TarInput.BlockSize);

    private static Action<ReadOnlySpan<byte>>? CopyTo(Func<BundleItem, Stream?>? itemCopy, BundleItem item)
    {
        Stream? copy;
        try
        {
            copy = itemCopy?.Invoke(item);
        }
        catch (Exception ex)
        {
            throw new TarSourceException(ex);
        }

        if (copy is null)
        {
            return null;
        }

        // Like the source's own failures, the copy's (a full disk) are the caller's to see, not a bad bundle.
        return block =>
        {
            try
            {
                copy.Write(block);
            }
            catch (Exception ex)
            {
                throw new TarSourceException(ex);
            }
        };
    }

    // Version 1 is the JSON itself; version 2 (replies only) is a signed document whose payload is the JSON.
    private static ParsedManifest ParseManifest(byte[] entry, BundleLimits limits)
    {
        SignedDocument.Fields? signed = SignedDocument.Parse(entry);
        if (signed is not null && signed.Type != BundleManifest.SignedType)
        {
            throw new BundleException();
        }

        byte[] json = signed?.Payload ?? entry;
        if (!Utf8.IsValid(json) || json.AsSpan().StartsWith("\uFEFF"u8))
        {
            throw new BundleException();
        }

        BundleManifest manifest = JsonSerializer.Deserialize(json, BundleJsonContext.Default.BundleManifest) ?? throw new BundleException();
        int version = signed is null ? 1 : 2;
        if (manifest.V != version || (version == 2 && manifest.Kind != BundleKind.Replies) || !Enum.IsDefined(manifest.Kind) || manifest.Items is null || manifest.Items.Count > limits.MaxItems
            || !manifest.Items.All(i => ManifestRules.IsItemValid(manifest.Kind, i) && i.Size <= limits.MaxItemBytes)
            || manifest.Items.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count() != manifest.Items.Count)
        {
            throw new BundleException();
        }

        return new ParsedManifest(manifest, signed is null ? null : entry);
    }

    private sealed record ParsedManifest(BundleManifest Manifest, byte[]? Envelope);

    // What the verification had learnt when it failed, for a precise BundleException.
    private sealed class VerifyProgress
    {
        public long ExpectedLength { get; set; }

        public string? ItemId { get; set; }

        public StrictTarReader? Tar { get; set; }
    }
}
