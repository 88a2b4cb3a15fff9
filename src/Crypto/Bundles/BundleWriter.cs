using System.Formats.Tar;
using System.Text.Json;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.Crypto.Tar;

namespace WhistleSubmit.Crypto.Bundles;

/// <summary>
/// Writes a bundle (<c>*.wsbundle</c>, docs/FORMATS.md#bundle): a ustar stream with manifest.json first, then
/// <c>items/&lt;id&gt;.age</c> in manifest order. The manifest needs every SHA-256 before the first item, so items
/// are added as openers: an item without a known hash is read twice (hashed, then copied and re-hashed), never buffered.
/// A replies bundle written with the team signing key has a version 2 manifest: the entry is a signed document of type
/// <see cref="BundleManifest.SignedType"/> whose payload is the manifest JSON, so its item hashes are signed too.
/// </summary>
public sealed class BundleWriter
{
    private readonly BundleKind kind;
    private readonly DateOnly created;
    private readonly TeamSigningKey? signer;
    private readonly List<Pending> pending = [];
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);
    private bool written;

    /// <summary>Starts a bundle of the given kind, made on the given UTC day, with a version 1 (unsigned) manifest.</summary>
    public BundleWriter(BundleKind kind, DateOnly created)
        : this(kind, created, null)
    {
    }

    /// <summary>
    /// Starts a bundle; with <paramref name="signer"/> (replies bundles only) its manifest is version 2, signed. The
    /// writer does not dispose the key and uses it only in <see cref="WriteTo"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A signer for a submissions bundle (those keep manifest version 1).</exception>
    public BundleWriter(BundleKind kind, DateOnly created, TeamSigningKey? signer)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind));
        }

        if (signer is not null && kind != BundleKind.Replies)
        {
            throw new ArgumentException("Only a replies bundle has a signed manifest.", nameof(signer));
        }

        this.kind = kind;
        this.created = created;
        this.signer = signer;
    }

    /// <summary>The number of items added so far.</summary>
    public int Count => pending.Count;

    /// <summary>
    /// Adds an item. <paramref name="open"/> returns a fresh stream of exactly <paramref name="size"/> bytes each time
    /// it is called (and the writer disposes it). With <paramref name="sha256"/> (lower-case hex) it is opened once and checked.
    /// </summary>
    /// <exception cref="ArgumentException">Malformed or duplicate id, malformed mailbox id or hash, negative size, or a kind this bundle cannot hold.</exception>
    public void Add(string id, string mailboxId, BundleItemKind itemKind, long size, Func<Stream> open, string? sha256 = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(mailboxId);
        ArgumentNullException.ThrowIfNull(open);
        if (written)
        {
            throw new InvalidOperationException("The bundle has been written.");
        }

        var probe = new BundleItem { Id = id, MailboxId = mailboxId, Kind = itemKind, Size = size, Sha256 = sha256 ?? new string('0', 64) };
        if (!ManifestRules.IsItemValid(kind, probe))
        {
            throw new ArgumentException("The item is malformed or does not belong in this kind of bundle.");
        }

        if (!ids.Add(id))
        {
            throw new ArgumentException("An item with this id has been added already.", nameof(id));
        }

        pending.Add(new Pending(probe, open, sha256 is not null));
    }

    /// <summary>Writes the whole bundle to <paramref name="output"/> and returns its manifest. Can be called once.</summary>
    /// <exception cref="InvalidOperationException">An item's stream was not its declared size, or its bytes did not match its hash (the output is then unusable).</exception>
    public BundleManifest WriteTo(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite)
        {
            throw new ArgumentException("The output must be writable.", nameof(output));
        }

        if (written)
        {
            throw new InvalidOperationException("The bundle has been written.");
        }

        written = true;
        var items = pending.Select(p => p.HashKnown ? p.Item : p.Item with { Sha256 = Hash(p) }).ToList();
        var manifest = new BundleManifest { V = signer is null ? 1 : 2, Kind = kind, Created = created, Items = items };
        byte[] manifestJson = JsonSerializer.SerializeToUtf8Bytes(manifest, BundleJsonContext.Default.BundleManifest);
        byte[] entry = signer is null ? manifestJson : SignedDocument.Create(signer, BundleManifest.SignedType, manifestJson);

        var tarOutput = new TarOutput(output);
        var tar = new TarWriter(tarOutput, TarEntryFormat.Ustar, leaveOpen: true);
        using (var json = new MemoryStream(entry, writable: false))
        {
            tar.WriteEntry(UstarEntries.RegularFile("manifest.json", json));
        }

        for (int i = 0; i < items.Count; i++)
        {
            using Stream source = pending[i].Open();
            using var data = new DeclaredLengthStream(source, items[i].Size);
            tar.WriteEntry(UstarEntries.RegularFile(ManifestRules.EntryName(items[i].Id), data));
            if (Convert.ToHexStringLower(data.GetHash()) != items[i].Sha256)
            {
                // The end-of-archive marker is deliberately not written, so no reader accepts this output.
                throw new InvalidOperationException("An item's bytes do not match its hash.");
            }
        }

        tar.Dispose();
        output.Flush();
        return manifest;
    }

    private static string Hash(Pending p)
    {
        using Stream source = p.Open();
        using var data = new DeclaredLengthStream(source, p.Item.Size);
        data.CopyTo(Stream.Null);
        return Convert.ToHexStringLower(data.GetHash());
    }

    private sealed record Pending(BundleItem Item, Func<Stream> Open, bool HashKnown);
}
