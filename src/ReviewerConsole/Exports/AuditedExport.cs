using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;
using WhistleSubmit.EncryptedStore;

namespace WhistleSubmit.ReviewerConsole.Exports;

/// <summary>
/// Writes one plaintext export file outside the vault, together with its audit entry: the bytes go to an owner-only
/// temporary file in the target directory (fsynced), then the rename into place happens inside the store transaction
/// that appends the audit entry. A failed rename rolls the entry back; a failed commit removes the file. So there is
/// never an export without its entry, nor an entry without its file, nor a half-written file under the final name.
/// A link, device, FIFO or socket (with --force, as it exists) is written through directly instead: renaming over it
/// would replace it with a regular file (<see cref="SpecialFiles"/>). Its audit entry is committed first, once the
/// target is open, so bytes never leave without an entry.
/// </summary>
internal static class AuditedExport
{
    public static string Write(VaultSession vault, string path, bool force, ReadOnlySpan<byte> bytes, string action, string? caseId, string details)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        if (Directory.Exists(full))
        {
            throw new CliException($"\"{full}\" is a directory", "give the name of the file to write");
        }

        if (!Directory.Exists(directory))
        {
            throw new CliException($"the directory \"{directory}\" does not exist", "create it first, or choose another place");
        }

        if (File.Exists(full) && !force)
        {
            throw new CliException($"\"{full}\" already exists; nothing was written", "choose another name, or add --force to replace it");
        }

        if (SpecialFiles.IsSpecial(full))
        {
            return WriteSpecial(vault, full, bytes, action, caseId, details);
        }

        string temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        bool moved = false;
        try
        {
            using (FileStream stream = DurableFiles.CreateNew(temporary, ownerOnly: true))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            vault.Write(data =>
            {
                AuditLog.Append(data, vault.Actor, vault.Now(), action, caseId, null, details);
                // Without --force the rename refuses an existing file, even one created since the check above.
                File.Move(temporary, full, overwrite: force);
                moved = true;
            });
            DirectorySync.Flush(directory);
            return full;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (moved)
            {
                File.Delete(full);
            }

            throw File.Exists(full) && !force
                ? new CliException($"\"{full}\" already exists; nothing was written", "choose another name, or add --force to replace it", ex)
                : new CliException($"could not write \"{full}\"; nothing was exported", "check the directory's permissions and free space", ex);
        }
        catch
        {
            if (moved)
            {
                File.Delete(full);
            }

            throw;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    // Opened before the audit transaction (a FIFO waits for its reader without holding the vault), then the entry is
    // committed, then the bytes go out: an entry without its bytes is possible (a failed write is reported), never
    // bytes without an entry.
    private static string WriteSpecial(VaultSession vault, string full, ReadOnlySpan<byte> bytes, string action, string? caseId, string details)
    {
        try
        {
            using FileStream special = SpecialFiles.OpenForWrite(full, ownerOnly: true);
            vault.Write(data => AuditLog.Append(data, vault.Actor, vault.Now(), action, caseId, null, details));
            special.Write(bytes);
            special.Flush();
            return full;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"could not write to \"{full}\"", "the export is in the audit log; check that the target accepts writes", ex);
        }
    }
}
