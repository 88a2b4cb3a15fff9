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
/// never kept. The hashes run on the thread pool beside the decryption. An item that does not decrypt or is not a valid
/// container of its kind is refused, not an error for the whole bundle (issue 13/15): the portal only checks an
/// upload's header, so anyone can upload junk encrypted to the team, and one such item must not stop every import.
/// The reason is plain words, never any of its content.
/// </summary>
internal static class ItemStager
{
    /// <param name="stagedPath">The item's verified ciphertext in the staging directory.</param>
    /// <param name="item">Its manifest entry.</param>
    /// <param name="keys">The vault's unlocked identities.</param>
    /// <param name="refusal">Why the item is refused, when null is returned.</param>
    /// <param name="read">If given, told how many ciphertext bytes have been read so far.</param>
    public static StagedItem? TryStage(string stagedPath, BundleItem item, UnlockedKeys keys, out string? refusal, Action<long>? read = null)
    {
        refusal = null;
        try
        {
            return StageCore(stagedPath, item, keys, read);
        }
        catch (AgeException ex) when (ex.InnerException is IOException)
        {
            // A read error on this machine (a failing disk or stick) says nothing about the item: the whole import
            // stops with the vault unchanged, instead of refusing a good item that would then never leave the portal.
            throw new CliException($"reading item {item.Id[..8]} from the staging area failed; nothing was imported",
                "check the disk the vault is on, then run the same import again", ex.InnerException);
        }
        catch (AgeException ex) when (ex.Kind == AgeErrorKind.NoMatch)
        {
            refusal = "it could not be decrypted with this vault's keys (it was encrypted to other keys)";
        }
        catch (AgeException)
        {
            refusal = "it is damaged: its encryption failed authentication";
        }
        catch (ContainerException)
        {
            refusal = item.Kind == BundleItemKind.Submission
                ? "it decrypted, but its contents are not a valid submission (a malformed or unsafe archive, or a message)"
                : "it decrypted, but its contents are not a valid message (a malformed or unsafe archive, or a report)";
        }

        return null;
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
        bool kindMatches = item.Kind == BundleItemKind.Submission ? contents.Report is not null : contents.Message is not null || contents.Consent is not null;
        if (file.Position != item.Size || !kindMatches)
        {
            throw new ContainerException();
        }

        // A consent answer travels as a follow-up and joins its case as one (by its case key), with a line the console
        // writes from it as its text; the answer itself is recorded with the case by CaseIntake.
        MessageV1? message = contents.Consent is { } consent ? ConsentService.AsMessage(consent) : contents.Message;
        var intake = new IntakeItem(item.Id, item.MailboxId, item.Kind, item.Size, item.Sha256, plainSize, plainSha,
            contents.Report, message, attachments, contents.Consent);
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
}
