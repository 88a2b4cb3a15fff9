using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.Portal.Configuration.Recipients;

/// <summary>
/// Reads recipients.signed.json: the reviewers' recipient set signed with the team key (protocol v2 section 3),
/// written by the console's <c>team publish</c>. Verified here, at startup and by <c>recipients install</c>; the
/// browser verifies the same bytes again under the key in /js/team.js.
/// </summary>
public static class SignedRecipientsFile
{
    public const string PublishHint =
        "On the reviewers' offline console run 'whistle-review team publish --out DIR', then " +
        "'whistle-portal recipients install DIR/recipients.signed.json' (with DIR/team.pub in the data directory).";

    /// <summary>The verified set and the envelope's exact bytes (served to browsers as they are).</summary>
    public sealed record Verified(RecipientSet Set, byte[] Envelope);

    /// <exception cref="PortalStartupException">The file is too large, is not a signed recipient set, or is not signed by <paramref name="team"/>.</exception>
    public static Verified Read(string path, TeamPublicKey team)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new PortalStartupException($"there is no signed recipient set at {path}.", PublishHint);
        }

        if (info.Length > SignedDocument.MaxBytes)
        {
            throw new PortalStartupException($"{path} is not a signed recipient set (too large).", PublishHint);
        }

        return Verify(File.ReadAllBytes(path), path, team);
    }

    /// <exception cref="PortalStartupException">See <see cref="Read"/>.</exception>
    public static Verified Verify(byte[] envelope, string name, TeamPublicKey team)
    {
        try
        {
            return new Verified(RecipientSet.Open(envelope, team), envelope);
        }
        catch (SignatureException e)
        {
            throw new PortalStartupException($"{name} is refused: {Reason(e, team)}.", PublishHint);
        }
        catch (FormatException)
        {
            throw new PortalStartupException($"{name} is signed by the team key but is not a valid recipient set.", PublishHint);
        }
    }

    /// <summary>Why a signed document was refused, in the operator's words (fingerprints are public).</summary>
    public static string Reason(SignatureException e, TeamPublicKey team) => e.Reason switch
    {
        SignatureFailure.NotAnEnvelope => "it is not a signed document",
        SignatureFailure.WrongType => "it is a signed document of another type, not a recipient set",
        SignatureFailure.OtherKey => $"it is signed by another team key ({e.KeyFingerprint}), not by team.pub's ({team.Fingerprint})",
        _ => "its signature does not verify under the team key in team.pub (it was changed after signing)",
    };
}
