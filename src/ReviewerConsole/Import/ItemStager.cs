using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Crypto.Hashing;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Import;

/// <summary>
/// Decrypts and checks one staged item (its ciphertext already copied and verified against the manifest while the bundle
/// was read) in a single streaming pass, in constant memory: the plaintext is hashed and parsed strictly
/// (SubmissionReader and its limits), and each attachment is hashed and typed by its first bytes as it streams past,
/// never kept. The hashes run on the thread pool beside the decryption. Errors name the item's position and the reason
/// in plain words, never any of its content.
/// </summary>
internal static class ItemStager
{
    /// <param name="stagedPath">The item's verified ciphertext in the staging directory.</param>
    /// <param name="item">Its manifest entry.</param>
    /// <param name="number">Its position in the bundle, from 1, for error messages.</param>
    /// <param name="total">Items in the bundle, for error messages.</param>
    /// <param name="keys">The vault's unlocked identities.</param>
    /// <param name="read">If given, told how many ciphertext bytes have been read so far.</param>
    public static StagedItem Stage(string stagedPath, BundleItem item, int number, int total, UnlockedKeys keys, Action<long>? read = null)
    {
        try
        {
            return StageCore(stagedPath, item, keys, read);
        }
        catch (AgeException ex) when (ex.Kind == AgeErrorKind.NoMatch)
        {
            throw Failed(item, number, total, "could not be decrypted with this vault's keys", ex,
                "it was encrypted to other keys: compare 'whistle-review keys' with the portal's recipients");
        }
        catch (AgeException ex)
        {
            throw Failed(item, number, total, "is damaged: its encryption failed authentication", ex);
        }
        catch (ContainerException ex)
        {
            throw Failed(item, number, total, "decrypted, but its contents are not a valid submission (a malformed or unsafe archive)", ex);
        }
    }

    private static StagedItem StageCore(string stagedPath, BundleItem item, UnlockedKeys keys, Action<long>? read)
    {
        using var file = new FileStream(stagedPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using Stream ciphertext = read is null ? file : new ReadProgressStream(file, (position, _) => read(position));
        var attachments = new List<AttachmentRecord>();
        SubmissionContents contents;
        string plainSha;
        long plainSize;
        using (Stream decrypted = AgeEncryption.Decrypt(ciphertext, keys.Identities, leaveOpen: true))
        using (var plaintext = new HashingReadStream(decrypted))
        {
            contents = SubmissionReader.Read(plaintext, (a, data) => attachments.Add(Digest(a, data)));
            plainSha = plaintext.FinishSha256();
            plainSize = plaintext.BytesRead;
        }

        // The reader drained the plaintext, so the age stream has checked its last chunk and read the file to its end.
        bool kindMatches = item.Kind == BundleItemKind.Submission ? contents.Report is not null : contents.Message is not null;
        if (file.Position != item.Size || !kindMatches)
        {
            throw new ContainerException();
        }

        var intake = new IntakeItem(item.Id, item.MailboxId, item.Kind, item.Size, item.Sha256, plainSize, plainSha,
            contents.Report, contents.Message, attachments);
        return new StagedItem(intake, stagedPath);
    }

    private static AttachmentRecord Digest(ContainerAttachment attachment, Stream data)
    {
        // The attachment is most of the plaintext: its hash runs beside the decryption instead of after it.
        byte[] prefix = new byte[FileTypeSniffer.PrefixLength];
        int prefixLength = 0;
        long size = 0;
        byte[] sha256 = OverlappedSha256.HashToEnd(data, block =>
        {
            if (prefixLength < prefix.Length)
            {
                int take = Math.Min(block.Length, prefix.Length - prefixLength);
                block[..take].CopyTo(prefix.AsSpan(prefixLength));
                prefixLength += take;
            }

            size += block.Length;
        });

        (string type, string label) = FileTypeSniffer.Detect(prefix.AsSpan(0, prefixLength), size);
        string safeName = attachment.EntryName["files/".Length..];
        return new AttachmentRecord(attachment.Number, attachment.Info.Name, safeName, size,
            Convert.ToHexStringLower(sha256), type, label);
    }

    // The id's prefix names the item for the portal side and a bug report; ids are random and say nothing of content.
    private static CliException Failed(BundleItem item, int number, int total, string reason, Exception inner, string? hint = null) => new(
        $"item {number} of {total} ({item.Id[..8]}) {reason}; nothing was imported",
        hint ?? "the vault is unchanged; copy or download the bundle again, and report a bundle that fails again",
        inner);
}
