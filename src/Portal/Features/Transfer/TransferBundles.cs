using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Portal.Configuration;
using WhistleSubmit.Portal.Features.Transfer.Operations;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Transfer;

/// <summary>
/// Where the transfer pages keep prepared submissions bundles (&lt;data&gt;/transfer, 0700), each named by its SHA-256,
/// until an import receipt confirms it; and the uploads being checked. Nothing there is in clear (issue 14): a prepared
/// bundle is encrypted with age to a fresh post-quantum identity whose secret the store keeps with the pending export
/// (and forgets when the export is confirmed); uploads are encrypted under a key held only in memory
/// (<see cref="Uploads.TransferUpload"/>). Files that no pending export names (confirmed while the server was stopped,
/// or left by a crash) are removed by <see cref="Sweep"/>.
/// </summary>
public sealed partial class TransferBundles(IOptions<PortalOptions> portal, TransferStore store, TransferOperations operations)
{
    public string Directory { get; } = Path.Combine(portal.Value.DataDirectoryFullPath, "transfer");

    public string PathOf(string sha256) => Path.Combine(Directory, sha256 + ".wsbundle");

    /// <summary>Prepares the next bundle as <c>whistle-portal export</c> does, into this directory, encrypted at rest.</summary>
    public ExportResult? Prepare()
    {
        DataDirectory.Ensure(Directory);
        using var atRest = MlKem768X25519Identity.Generate();
        return operations.Export(Path.Combine(Directory, $"export-{Guid.NewGuid():N}.partial"), PathOf, replaceExisting: true, atRest);
    }

    /// <summary>
    /// The bundle of a pending export, decrypted as it is read (its exact bytes, whose SHA-256 names it), with its
    /// length; null if there is none here or it was not prepared by <see cref="Prepare"/>.
    /// </summary>
    public (Stream Bundle, long Length)? OpenPrepared(string sha256)
    {
        if (store.FindPreparedBundleKey(sha256) is not { } key || !File.Exists(PathOf(sha256)))
        {
            return null;
        }

        var file = new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        try
        {
            using var identity = MlKem768X25519Identity.Parse(key.SecretKey);
            return (AgeEncryption.Decrypt(file, [identity]), key.Length);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The prepared file of a pending export, or null (unknown, confirmed, or prepared by the admin verb elsewhere).</summary>
    public PendingExport? Find(string sha256) =>
        Sha256().IsMatch(sha256) && File.Exists(PathOf(sha256)) ? store.ListPendingExports().FirstOrDefault(e => e.BundleSha256 == sha256) : null;

    /// <summary>
    /// Removes bundles whose export is no longer pending, and uploads or partial exports older than an hour (a crash
    /// left them: younger ones may be in use); returns how many.
    /// </summary>
    public int Sweep(DateTimeOffset now)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return 0;
        }

        var pending = store.ListPendingExports().Select(e => e.BundleSha256 + ".wsbundle").ToHashSet(StringComparer.Ordinal);
        int removed = 0;
        foreach (string file in System.IO.Directory.EnumerateFiles(Directory))
        {
            string name = Path.GetFileName(file);
            bool stale = name.EndsWith(".wsbundle", StringComparison.Ordinal)
                ? !pending.Contains(name)
                : now - File.GetLastWriteTimeUtc(file) > TimeSpan.FromHours(1);
            if (stale)
            {
                File.Delete(file);
                removed++;
            }
        }

        return removed;
    }

    [GeneratedRegex("^[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256();
}
