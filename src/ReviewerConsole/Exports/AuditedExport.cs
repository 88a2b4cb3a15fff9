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
/// A device, FIFO or socket (or a link to one) is written directly inside that transaction: renaming over it would
/// replace the node with a regular file (<see cref="SpecialFiles"/>).
/// </summary>
internal static class AuditedExport
{
    public static string Write(VaultSession vault, string path, bool force, ReadOnlySpan<byte> bytes, string action, string? caseId, string details)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        if (SpecialFiles.IsSpecial(full))
        {
            return WriteSpecial(vault, full, bytes.ToArray(), action, caseId, details);
        }

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

    private static string WriteSpecial(VaultSession vault, string full, byte[] bytes, string action, string? caseId, string details)
    {
        try
        {
            vault.Write(data =>
            {
                AuditLog.Append(data, vault.Actor, vault.Now(), action, caseId, null, details);
                using FileStream special = SpecialFiles.OpenForWrite(full);
                special.Write(bytes);
            });
            return full;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"could not write to \"{full}\"; nothing was exported", "check that it accepts writes", ex);
        }
    }
}
