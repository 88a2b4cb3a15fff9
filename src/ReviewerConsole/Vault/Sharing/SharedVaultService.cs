using System.Security.Cryptography;
using WhistleSubmit.EncryptedStore;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Vault.Sharing;

/// <summary>
/// Opens a vault shared among holders (docs/CONSOLE.md#shared-vault): k of them each unseal their share with their own
/// passphrase, the shares rebuild the vault secret, its key check is compared, and the store opens with the key derived
/// from it. The session names the holders and the audit log records them (vault.open).
/// </summary>
internal static class SharedVaultService
{
    public static VaultSession Open(VaultPaths paths, SharedVaultFile file, IHolderInput input, string actor, TimeProvider clock)
    {
        IReadOnlyList<string> choices = file.Holders.Select(h => h.Name).ToList();
        IReadOnlyList<string>? given = input.GivenNames;
        if (given is not null)
        {
            CheckNames(file, given);
        }

        var joined = new List<string>();
        var points = new List<(byte X, byte[] Y)>();
        byte[]? secret = null;
        byte[]? storeKey = null;
        try
        {
            int needed = given?.Count ?? file.Threshold;
            for (int turn = 1; turn <= needed; turn++)
            {
                string name = given?[turn - 1] ?? input.ReadName(turn, file.Threshold, choices);
                ShareHolder holder = file.Find(name) ?? throw new CliException($"\"{TerminalText.Line(name, 40)}\" holds no share of this vault",
                    $"the holders are {string.Join(", ", choices)}");
                if (joined.Contains(name))
                {
                    throw new CliException($"{name} has already joined", $"{file.Threshold} different holders are needed");
                }

                byte[] passphrase = input.ReadPassphrase(turn, name);
                try
                {
                    byte[] share = holder.Unseal(file.Binding, passphrase) ?? throw new CliException($"wrong passphrase for {name}",
                        $"the vault was not opened; {name} types their own passphrase (if {name} is sure of it, their share in vault.json "
                        + "was changed: restore vault.json from a backup, or join with another holder)", null, ErrorReporter.WrongPassphrase);
                    points.Add(((byte)holder.X, share));
                    joined.Add(name);
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(passphrase);
                }
            }

            secret = Shamir.Combine(points);
            (storeKey, byte[] check) = VaultKeys.FromMaster(secret);
            if (!CryptographicOperations.FixedTimeEquals(check, Convert.FromBase64String(file.KeyCheck)))
            {
                // Each share passed its own seal, so a holder's entry was re-sealed with other content: vault.json was changed.
                throw new CliException(ErrorReporter.VaultDamaged + $" (the shares of {string.Join(", ", joined)} don't rebuild the vault key)",
                    "vault.json was changed; restore it from a backup, or open with other holders", null, ErrorReporter.IntegrityFailure);
            }

            DurableStore store = VaultService.OpenStore(paths, storeKey);
            byte[] keyFilePassphrase = VaultSecret.KeyFilePassphrase(secret);
            VaultSession vault;
            try
            {
                vault = new VaultSession(paths, store, keyFilePassphrase, VaultSecret.KeyFileWorkFactor, joined, file.Threshold, actor, clock, storeKey);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(keyFilePassphrase);
            }

            try
            {
                vault.Write(data => AuditLog.Append(data, vault.Actor, vault.Now(), AuditActions.VaultOpen, null, null,
                    $"holders {string.Join(", ", joined)} ({joined.Count} of {file.Holders.Count}, {file.Threshold} needed)"));
            }
            catch
            {
                vault.Dispose();
                throw;
            }

            return vault;
        }
        finally
        {
            points.ForEach(p => CryptographicOperations.ZeroMemory(p.Y));
            if (secret is not null)
            {
                CryptographicOperations.ZeroMemory(secret);
            }

            if (storeKey is not null)
            {
                CryptographicOperations.ZeroMemory(storeKey);
            }
        }
    }

    private static void CheckNames(SharedVaultFile file, IReadOnlyList<string> given)
    {
        if (given.Count < file.Threshold)
        {
            throw new CliException($"this vault needs {file.Threshold} of its {file.Holders.Count} holders; {given.Count} named",
                $"name {file.Threshold} of {string.Join(", ", file.Holders.Select(h => h.Name))} with --holders A,B");
        }

        if (given.FirstOrDefault(name => file.Find(name) is null) is { } stranger)
        {
            throw new CliException($"\"{TerminalText.Line(stranger, 40)}\" holds no share of this vault", $"the holders are {string.Join(", ", file.Holders.Select(h => h.Name))}");
        }

        if (given.Distinct(StringComparer.Ordinal).Count() != given.Count)
        {
            throw new CliException("a holder is named twice", $"{file.Threshold} different holders are needed");
        }
    }
}
