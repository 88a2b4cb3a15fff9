using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.EncryptedStore;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Releases;

/// <summary>
/// <c>publish --out DIR</c>: builds the next release (<see cref="ReleaseBuilder"/>), writes its files into a hidden
/// folder next to DIR (fsynced), signs SHA256SUMS with the team key, and renames the folder to DIR inside the store
/// transaction that records the release and its audit entry. So there is never a release without its record, nor a
/// record without its release, nor a half-written DIR.
/// </summary>
internal static class ReleaseService
{
    /// <summary>The signed document type of SHA256SUMS (the signature input binds it: docs/FORMATS.md#team-signature).</summary>
    public const string SignatureType = "release-sums";

    public const string AuditAction = "release.publish";

    internal sealed record Published(ReleaseContent Content, string Directory, string SumsSha256, string TeamFingerprint, int Suppressed);

    public static Published Publish(VaultSession vault, string directory, string? month = null)
    {
        string full = Path.GetFullPath(directory);
        string parent = Path.GetDirectoryName(full) ?? throw new CliException("choose a directory to create, not the root");
        if (Path.Exists(full))
        {
            throw new CliException($"\"{full}\" already exists; nothing was written", "a release goes into a new directory: give a name that does not exist yet");
        }

        if (!System.IO.Directory.Exists(parent))
        {
            throw new CliException($"the directory \"{parent}\" does not exist", "create it first, or choose another place");
        }

        (IReadOnlyList<IncidentRecord> incidents, IReadOnlyList<ReleaseRecord> earlier) = vault.Read(data => (data.AllIncidents(), data.Releases()));
        ReleaseContent content = ReleaseBuilder.Build(incidents, earlier, month);
        SortedDictionary<string, byte[]> files;
        byte[] sums, signature;
        string fingerprint;
        using (TeamSigningKey key = TeamKeyService.Load(vault))
        {
            files = Files(content, key.PublicKey);
            sums = Sums(files);
            signature = key.SignReproducibly(SignatureType, sums);
            fingerprint = key.PublicKey.DisplayFingerprint;
        }

        string sumsSha256 = Convert.ToHexStringLower(SHA256.HashData(sums));
        int suppressed = content.Source.Tables.Sum(t => t.Cells.Count(c => c.Suppressed)) + (content.Source.Total.Suppressed ? 1 : 0);
        string temporary = Path.Combine(parent, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");
        bool moved = false;
        try
        {
            System.IO.Directory.CreateDirectory(temporary);
            foreach ((string name, byte[] bytes) in files)
            {
                DurableFiles.WriteNew(Path.Combine(temporary, name), bytes, ownerOnly: false);
            }

            DurableFiles.WriteNew(Path.Combine(temporary, ReleaseFiles.Sums), sums, ownerOnly: false);
            DurableFiles.WriteNew(Path.Combine(temporary, ReleaseFiles.Signature), signature, ownerOnly: false);
            vault.Write(data =>
            {
                data.InsertRelease(content.Record with { SumsSha256 = sumsSha256, Published = vault.Now() });
                AuditLog.Append(data, vault.Actor, vault.Now(), AuditAction, null, null, string.Create(CultureInfo.InvariantCulture,
                    $"release {content.Number} as of {content.AsOf}: {content.PublicRecords.Count} public-record incidents, source-derived total {(content.Source.Total.Suppressed ? "suppressed" : content.Source.Total.Count.ToString(CultureInfo.InvariantCulture))}, {suppressed} counts suppressed, SHA256SUMS {sumsSha256[..16]}, to {TerminalText.Line(full, 200)}"));
                System.IO.Directory.Move(temporary, full);
                moved = true;
            });
            DirectorySync.Flush(parent);
            return new Published(content, full, sumsSha256, fingerprint, suppressed);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Remove(moved ? full : temporary);
            throw new CliException($"could not write the release to \"{full}\"; nothing was published", "check the directory's permissions and free space", ex);
        }
        catch
        {
            Remove(moved ? full : temporary);
            throw;
        }
        finally
        {
            Remove(temporary);
        }
    }

    /// <summary>Every file of the release but SHA256SUMS and its signature, by name.</summary>
    internal static SortedDictionary<string, byte[]> Files(ReleaseContent content, TeamPublicKey team) => new(StringComparer.Ordinal)
    {
        [ReleaseFiles.IncidentsCsv] = Encoding.UTF8.GetBytes(ReleaseFiles.Csv(content)),
        [ReleaseFiles.AggregatesCsv] = Encoding.UTF8.GetBytes(ReleaseFiles.Aggregates(content)),
        [ReleaseFiles.IncidentsJson] = Encoding.UTF8.GetBytes(ReleaseFiles.Json(content)),
        [ReleaseFiles.SchemaJson] = Schema(),
        [ReleaseFiles.Report] = Encoding.UTF8.GetBytes(ReleaseHtml.Page(content)),
        [ReleaseFiles.TeamKey] = Encoding.ASCII.GetBytes(team.Text + "\n"),
    };

    /// <summary>SHA256SUMS as <c>sha256sum</c> writes it: hash, two spaces, name, newline; by name.</summary>
    internal static byte[] Sums(SortedDictionary<string, byte[]> files) => Encoding.ASCII.GetBytes(string.Concat(
        files.Select(f => $"{Convert.ToHexStringLower(SHA256.HashData(f.Value))}  {f.Key}\n")));

    internal static byte[] Schema()
    {
        using Stream stream = typeof(ReleaseService).Assembly.GetManifestResourceStream(ReleaseFiles.SchemaJson)
            ?? throw new InvalidOperationException("The release schema is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static void Remove(string path)
    {
        try
        {
            if (System.IO.Directory.Exists(path))
            {
                System.IO.Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the hidden .partial name says what it is, and nothing in the vault refers to it.
        }
    }
}
