using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Unicode;
using WhistleSubmit.Crypto.Hashing;
using WhistleSubmit.Crypto.Tar;

namespace WhistleSubmit.Crypto.Bundles;

/// <summary>
/// Opens a bundle (DESIGN.md "Bundle") and verifies all of it before handing out a single item: plain ustar regular
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
    /// <exception cref="ArgumentException">The stream is not readable and seekable.</exception>
    /// <exception cref="BundleException">Anything is wrong with it, or it is over <paramref name="limits"/>.</exception>
    /// <remarks>Exceptions thrown by the stream itself (I/O) pass through unchanged.</remarks>
    public static BundleReader Open(Stream bundle, BundleLimits? limits = null, bool leaveOpen = false)
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

        try
        {
            using var whole = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            (BundleManifest manifest, Dictionary<string, (BundleItem, long)> offsets) = Verify(bundle, start, limits, whole);
            return new BundleReader(bundle, leaveOpen, manifest, offsets, Convert.ToHexStringLower(whole.GetHashAndReset()));
        }
        catch (TarSourceException ex)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException!);
            throw;
        }
        catch (BundleException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            // TarReader's, JSON's and our own format errors alike; none may leak input through its message.
            throw new BundleException();
        }
    }

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

    private static (BundleManifest, Dictionary<string, (BundleItem, long)>) Verify(Stream bundle, long start, BundleLimits limits, IncrementalHash whole)
    {
        // The whole-file hash is taken as the parser reads; each item's own hash overlaps with that on a second thread.
        using var tar = new StrictTarReader(bundle, whole);
        StrictTarEntry first = tar.Next(limits.MaxManifestBytes) ?? throw new BundleException();
        if (first.Name != "manifest.json")
        {
            throw new BundleException();
        }

        byte[] json = new byte[first.Length];
        first.Data.ReadExactly(json);
        BundleManifest manifest = ParseManifest(json, limits);

        var offsets = new Dictionary<string, (BundleItem, long)>(manifest.Items.Count, StringComparer.Ordinal);
        foreach (BundleItem item in manifest.Items)
        {
            StrictTarEntry entry = tar.Next(limits.MaxItemBytes) ?? throw new BundleException();
            if (entry.Name != ManifestRules.EntryName(item.Id) || entry.Length != item.Size
                || entry.DataOffset + entry.Length > limits.MaxTotalBytes || !offsets.TryAdd(item.Id, (item, start + entry.DataOffset)))
            {
                throw new BundleException();
            }

            if (!BundleItem.HashMatches(OverlappedSha256.HashToEnd(entry.Data), item.Sha256))
            {
                throw new BundleException();
            }
        }

        // The end-of-archive marker is two zero blocks; anything after it must be zeros (record padding).
        if (tar.Next(0) is not null || tar.ReadTrailingZeros(limits.MaxTotalBytes) < tar.EndOfArchive + (2 * TarInput.BlockSize))
        {
            throw new BundleException();
        }

        return (manifest, offsets);
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
}
