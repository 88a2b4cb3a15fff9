using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.EncryptedStore;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Releases;

/// <summary>
/// <c>verify-release DIR</c>: the release is exactly what the team signed. SHA256SUMS (strict <c>sha256sum</c> lines,
/// the release's files and nothing else) must carry a valid team signature (both halves) in SHA256SUMS.sig, and DIR
/// must hold exactly those files, each regular and with its listed hash. Any failure is an integrity failure (exit 3).
/// </summary>
internal static partial class ReleaseVerifier
{
    private const int MaxSumsBytes = 64 * 1024;
    private const long MaxFileBytes = 512L * 1024 * 1024;

    internal sealed record Verified(int Release, string AsOf, int Files);

    public static Verified Verify(string directory, TeamPublicKey team)
    {
        string full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw new CliException($"\"{full}\" is not a directory", "give the release's directory");
        }

        byte[] sums = ReadRegular(full, ReleaseFiles.Sums, MaxSumsBytes);
        byte[] signature = ReadRegular(full, ReleaseFiles.Signature, TeamPublicKey.SignatureLength + 1);
        if (signature.Length != TeamPublicKey.SignatureLength || !team.Verify(ReleaseService.SignatureType, sums, signature))
        {
            throw Failed($"{ReleaseFiles.Signature} is not a valid signature of {ReleaseFiles.Sums} by the team key {team.DisplayFingerprint}");
        }

        var listed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in Encoding.ASCII.GetString(sums).Split('\n')[..^1])
        {
            Match m = SumsLine().Match(line);
            if (!m.Success || !listed.TryAdd(m.Groups[2].Value, m.Groups[1].Value))
            {
                throw Failed($"{ReleaseFiles.Sums} is malformed");
            }
        }

        string[] required = [ReleaseFiles.IncidentsCsv, ReleaseFiles.AggregatesCsv, ReleaseFiles.IncidentsJson, ReleaseFiles.SchemaJson, ReleaseFiles.Report, ReleaseFiles.TeamKey];
        if (!sums.AsSpan().EndsWith("\n"u8) || !listed.Keys.Order(StringComparer.Ordinal).SequenceEqual(required.Order(StringComparer.Ordinal)))
        {
            throw Failed($"{ReleaseFiles.Sums} does not list exactly the files of a release");
        }

        string[] present = [.. Directory.EnumerateFileSystemEntries(full).Select(Path.GetFileName).OfType<string>()];
        if (present.FirstOrDefault(name => name is not (ReleaseFiles.Sums or ReleaseFiles.Signature) && !listed.ContainsKey(name)) is { } extra)
        {
            throw Failed($"\"{TerminalText.Line(extra, 80)}\" is in the release directory but not in {ReleaseFiles.Sums}");
        }

        foreach ((string name, string hash) in listed)
        {
            if (Convert.ToHexStringLower(SHA256.HashData(ReadRegular(full, name, MaxFileBytes))) != hash)
            {
                throw Failed($"{name} is not the file the team signed (its SHA-256 differs)");
            }
        }

        using JsonDocument json = JsonDocument.Parse(ReadRegular(full, ReleaseFiles.IncidentsJson, MaxFileBytes));
        return new Verified(json.RootElement.GetProperty("release").GetInt32(), json.RootElement.GetProperty("asOf").GetString()!, listed.Count);
    }

    /// <summary>
    /// The trusted team key from a team.pub file (its first line), which must not lie inside the release directory
    /// (auditor finding: a forger ships their own key in the release, so a key read from there proves nothing).
    /// </summary>
    public static TeamPublicKey ReadKey(string path, string releaseDirectory)
    {
        string release = RealPath(releaseDirectory);
        foreach (string key in new[] { Path.GetFullPath(path), RealPath(path) })
        {
            if (key == release || key.StartsWith(release + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new CliException($"the team key \"{TerminalText.Line(path, 200)}\" is inside the release being checked; a forged release would carry its own key",
                    "give the team.pub the team published elsewhere (its website, a printed fingerprint you checked), not the copy in the release");
            }
        }

        try
        {
            string text = File.ReadLines(path).FirstOrDefault()?.Trim() ?? string.Empty;
            return TeamPublicKey.Parse(text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"could not read the team key \"{TerminalText.Line(path, 200)}\"", "give the team.pub file the team published", ex);
        }
        catch (FormatException ex)
        {
            throw new CliException($"\"{TerminalText.Line(path, 200)}\" does not hold a team public key (whistlesubmit-team-v2:…)", "give the team.pub file the team published", ex);
        }
    }

    // The path with every link resolved (parents and itself), so a link cannot smuggle a path in or out of a directory.
    private static string RealPath(string path)
    {
        string full = Path.GetFullPath(path);
        string root = Path.GetPathRoot(full)!;
        string current = root;
        int hops = 0;
        var pending = new Stack<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        while (pending.TryPop(out string? part))
        {
            string next = Path.Combine(current, part);
            FileSystemInfo? target = null;
            try
            {
                target = new FileInfo(next).LinkTarget is null ? null : File.ResolveLinkTarget(next, returnFinalTarget: false);
            }
            catch (IOException)
            {
                target = null;
            }

            if (target is null || ++hops > 40)
            {
                current = next;
                continue;
            }

            string resolved = Path.GetFullPath(target.FullName);
            current = Path.GetPathRoot(resolved)!;
            foreach (string p in resolved[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(p);
            }
        }

        return Path.TrimEndingDirectorySeparator(current);
    }

    // Regular files only: a link could point anywhere, and a FIFO would hang the check.
    private static byte[] ReadRegular(string directory, string name, long limit)
    {
        string path = Path.Combine(directory, name);
        var info = new FileInfo(path);
        if (!info.Exists || SpecialFiles.IsSpecial(path))
        {
            throw Failed($"{name} is missing or not a regular file");
        }

        if (info.Length > limit)
        {
            throw Failed($"{name} is too large for a release file");
        }

        return File.ReadAllBytes(path);
    }

    private static CliException Failed(string problem) =>
        new($"the release failed verification: {problem}", "do not publish or trust this copy; get the release again from the team", null, ErrorReporter.IntegrityFailure);

    [GeneratedRegex("^([0-9a-f]{64})  ([A-Za-z0-9][A-Za-z0-9._-]{0,63})$")]
    private static partial Regex SumsLine();
}
