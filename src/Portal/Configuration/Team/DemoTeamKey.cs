using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.Portal.Configuration.Team;

/// <summary>
/// The demo team signing key: created in the data directory (owner-only) outside production when there is no
/// team.pub, so a fresh checkout works end to end. Its secret is on this online server, which is exactly what the
/// real team key must never be: every page then says the portal is a demo.
/// </summary>
public static class DemoTeamKey
{
    private const string PublicKeyPrefix = "# team public key: ";
    private const int MaxLines = 8;

    /// <summary>Returns the demo key, creating its file first if there is none.</summary>
    /// <exception cref="PortalStartupException">The file exists but holds no valid secret key.</exception>
    public static TeamSigningKey LoadOrCreate(string path, TimeProvider time) =>
        File.Exists(path) ? Read(path) : Create(path, time);

    private static TeamSigningKey Create(string path, TimeProvider time)
    {
        var key = TeamSigningKey.Generate();
        DemoKeyFile.Create(path, time,
            $"{PublicKeyPrefix}{key.PublicKey.Text}",
            "# DEMO ONLY: a team signing key created by whistle-portal on an online machine. Never use it for real reports.",
            key.SecretText);
        return key;
    }

    private static TeamSigningKey Read(string path)
    {
        using var reader = new StreamReader(path);
        for (int i = 0; i < MaxLines && reader.ReadLine() is { } line; i++)
        {
            if (line.StartsWith(TeamSigningKey.SecretPrefix, StringComparison.Ordinal))
            {
                try
                {
                    return TeamSigningKey.FromSecretText(line.Trim());
                }
                catch (FormatException)
                {
                    break;
                }
            }
        }

        throw new PortalStartupException(
            $"{path} holds no valid team secret key.",
            "Delete the file to create a new demo team key, or put the reviewers' team.pub in the data directory.");
    }
}
