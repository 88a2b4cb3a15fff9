using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Portal.Configuration.Recipients;

/// <summary>
/// The demo reviewer identity: created in the data directory so that a fresh checkout works end to end, in the
/// age-keygen file format so that <c>whistle-review age decrypt -i FILE</c> can use it. The portal only ever creates
/// this file and reads its public-key comment back; it never loads the secret key (invariant 5).
/// </summary>
public static class DemoReviewerIdentity
{
    private const string PublicKeyPrefix = "# public key: ";

    // Only the comment lines are read; the secret key comes after them and is never reached.
    private const int MaxHeaderLines = 3;

    /// <summary>Returns the demo recipient, creating the identity file first if there is none.</summary>
    /// <exception cref="PortalStartupException">The file exists but carries no valid public key comment.</exception>
    public static MlKem768X25519Recipient LoadOrCreate(string path, TimeProvider time) =>
        File.Exists(path) ? ReadRecipient(path) : Create(path, time);

    private static MlKem768X25519Recipient Create(string path, TimeProvider time)
    {
        using var identity = MlKem768X25519Identity.Generate();
        DemoKeyFile.Create(path, time,
            $"{PublicKeyPrefix}{identity.Recipient}",
            "# DEMO ONLY: created by whistle-portal on an online machine. Never use it for real reports.",
            identity.ExportSecretKey());
        return identity.Recipient;
    }

    private static MlKem768X25519Recipient ReadRecipient(string path)
    {
        using var reader = new StreamReader(path);
        for (int i = 0; i < MaxHeaderLines && reader.ReadLine() is { } line; i++)
        {
            if (line.StartsWith(PublicKeyPrefix, StringComparison.Ordinal))
            {
                try
                {
                    return MlKem768X25519Recipient.Parse(line[PublicKeyPrefix.Length..].Trim());
                }
                catch (FormatException)
                {
                    break;
                }
            }
        }

        throw new PortalStartupException(
            $"{path} has no valid '{PublicKeyPrefix.Trim()}' line.",
            "Delete the file to create a new demo identity, or install the reviewers' signed recipient set (recipients.signed.json).");
    }
}
