using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.Portal.Configuration.Team;

/// <summary>Reads team.pub: the team public key text (<c>whistlesubmit-team-v2:…</c>), one line, as the console writes it.</summary>
public static class TeamPublicKeyFile
{
    // The key text is 2,668 characters; anything much longer is not a key file, and is refused before it is read.
    private const int MaxBytes = 8 * 1024;

    public const string Hint =
        "Copy team.pub from 'whistle-review team publish --out DIR' on the reviewers' offline console into the data directory.";

    /// <exception cref="PortalStartupException">The file is too large or is not a team public key.</exception>
    public static TeamPublicKey Read(string path)
    {
        var info = new FileInfo(path);
        if (info.Length > MaxBytes)
        {
            throw new PortalStartupException($"{path} is not a team public key (too large).", Hint);
        }

        string text = File.ReadAllText(path);
        try
        {
            // One line; the console ends it with a newline, an editor may add a carriage return.
            return TeamPublicKey.Parse(text.TrimEnd('\n', '\r'));
        }
        catch (FormatException)
        {
            // The text is never repeated: a mistake might have put a secret key there.
            throw new PortalStartupException($"{path} is not a team public key (whistlesubmit-team-v2:…).", Hint);
        }
    }
}
