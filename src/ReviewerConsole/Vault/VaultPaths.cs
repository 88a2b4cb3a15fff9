namespace WhistleSubmit.ReviewerConsole.Vault;

/// <summary>
/// The vault directory's layout: <c>vault.json</c> (format and KDF parameters, not secret), <c>store/</c> (the
/// encrypted store), <c>keys/&lt;name&gt;.age</c> (reviewer identities, passphrase-encrypted age files), <c>team.age</c> (the team
/// signing key, encrypted the same way),
/// <c>evidence/&lt;item id&gt;.age</c> (the original ciphertext of every imported item) and, during an import only,
/// <c>staging/</c>.
/// </summary>
internal sealed record VaultPaths(string Root)
{
    public string VaultFile => Path.Combine(Root, "vault.json");

    public string Store => Path.Combine(Root, "store");

    public string Keys => Path.Combine(Root, "keys");

    public string Evidence => Path.Combine(Root, "evidence");

    public string Staging => Path.Combine(Root, "staging");

    public string TeamKeyFile => Path.Combine(Root, "team.age");

    public string KeyFile(string name) => Path.Combine(Keys, name + ".age");

    public string EvidenceFile(string itemId) => Path.Combine(Evidence, itemId + ".age");

    /// <summary>
    /// The default vault: $XDG_DATA_HOME/whistle-review, else ~/.local/share/whistle-review (XDG base directory
    /// spec: a relative XDG_DATA_HOME is invalid and ignored).
    /// </summary>
    public static string DefaultRoot()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathFullyQualified(xdg))
        {
            return Path.Combine(xdg, "whistle-review");
        }

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".local", "share", "whistle-review");
    }
}
