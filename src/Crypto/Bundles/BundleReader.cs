using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Unicode;
using WhistleSubmit.Crypto.Hashing;
using WhistleSubmit.Crypto.Tar;

namespace WhistleSubmit.Crypto.Bundles;

/// <summary>
/// Opens a bundle (docs/FORMATS.md#bundle) and verifies all of it before handing out a single item: plain ustar regular
/// files only; manifest.json first and bounded; then exactly <c>items/&lt;id&gt;.age</c> for each manifest item, in
/// order, with the stated size and SHA-256; then the end-of-archive marker and nothing but zeros.
/// </summary>
public sealed class BundleReader : IDisposable
{
    private readonly Stream bundle;
    private readonly bool leaveOpen;
    private readonly Dictionary<string, (BundleItem Item, long Offset)> items;
    private bool disposed;

    private BundleReader(Stream bundle, bool leaveOpen, BundleManifest manifest, Dictionary<string, (BundleItem, long)> items, string sha256)
    {
        this.bundle = bundle;
        this.leaveOpen = leaveOpen;
        this.items = items;
        Manifest = manifest;
        Sha256 = sha256;
    }

    /// <summary>The verified manifest.</summary>
    public BundleManifest Manifest { get; }

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
            (BundleManifest manifest, Dictionary<string, (BundleItem, long)> offsets) = Verify(bundle, start, limits, whole, itemCopy, progress);
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

    private static (BundleManifest, Dictionary<string, (BundleItem, long)>) Verify(Stream bundle, long start, BundleLimits limits, BackgroundSha256 whole,
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
        BundleManifest manifest = ParseManifest(json, limits);
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

        return (manifest, offsets);
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

    private static BundleManifest ParseManifest(byte[] json, BundleLimits limits)
    {
        if (!Utf8.IsValid(json) || json.AsSpan().StartsWith("\uFEFF"u8))
        {
            throw new BundleException();
        }

        BundleManifest manifest = JsonSerializer.Deserialize(json, BundleJsonContext.Default.BundleManifest) ?? throw new BundleException();
        if (manifest.V != 1 || !Enum.IsDefined(manifest.Kind) || manifest.Items is null || manifest.Items.Count > limits.MaxItems
            || !manifest.Items.All(i => ManifestRules.IsItemValid(manifest.Kind, i) && i.Size <= limits.MaxItemBytes)
            || manifest.Items.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count() != manifest.Items.Count)
        {
            throw new BundleException();
        }

        return manifest;
    }

    // What the verification had learnt when it failed, for a precise BundleException.
    private sealed class VerifyProgress
    {
        public long ExpectedLength { get; set; }

        public string? ItemId { get; set; }

        public StrictTarReader? Tar { get; set; }
    }
}
