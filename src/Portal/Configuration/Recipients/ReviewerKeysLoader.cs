using System.Text;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.Portal.Configuration.Team;

namespace WhistleSubmit.Portal.Configuration.Recipients;

/// <summary>
/// Decides at startup which keys submissions are encrypted to (protocol v2 section 3): the signed recipient set,
/// verified under the team key. Outside production only, and only with the demo team key, recipients.txt (or, when
/// there is none, the demo identity) is signed here by the demo team key, so dev and test setups keep working, loudly
/// as a demo. Production without a verifying signed set is an error, never a demo.
/// </summary>
public static class ReviewerKeysLoader
{
    /// <exception cref="PortalStartupException">The configuration cannot work.</exception>
    public static ReviewerKeys Load(PortalOptions options, PortalTeamKey team, TimeProvider time)
    {
        DataDirectory.Ensure(options.DataDirectoryFullPath);
        if (File.Exists(options.SignedRecipientsFile))
        {
            var verified = SignedRecipientsFile.Read(options.SignedRecipientsFile, team.Public);
            return FromSet(verified.Set, verified.Envelope, names: null, isDemo: false);
        }

        if (options.Production)
        {
            throw File.Exists(options.RecipientsFile)
                ? new PortalStartupException(
                    $"production mode reads the reviewers' keys only from a signed recipient set ({options.SignedRecipientsFile}), not from {options.RecipientsFile}.",
                    "Migrate once: on the offline console run 'whistle-review team keygen' (if the vault has no team key) and " +
                    "'whistle-review team publish --out DIR'; copy DIR/team.pub into the data directory; run " +
                    "'whistle-portal recipients install DIR/recipients.signed.json'; then delete recipients.txt.")
                : new PortalStartupException(
                    $"production mode and no signed recipient set at {options.SignedRecipientsFile}.",
                    SignedRecipientsFile.PublishHint);
        }

        if (!team.IsDemo)
        {
            throw new PortalStartupException(
                $"team.pub is configured but there is no signed recipient set at {options.SignedRecipientsFile}.",
                SignedRecipientsFile.PublishHint + " (Or remove team.pub to run as a demo.)");
        }

        bool isDemo = false;
        IReadOnlyList<ReviewerKey> keys = ReadRecipientsFile(options);
        if (keys.Count == 0)
        {
            var recipient = DemoReviewerIdentity.LoadOrCreate(options.DemoIdentityFile, time);
            keys = [new ReviewerKey("Demo reviewer", recipient.ToString(), recipient)];
            isDemo = true;
        }

        using var demoTeam = DemoTeamKey.LoadOrCreate(options.DemoTeamKeyFile, time);
        var set = RecipientSet.Create(keys.Select(k => k.Key.ToString()!), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var names = keys.ToDictionary(k => k.Key.ToString()!, k => k.Name, StringComparer.Ordinal);
        return FromSet(set, set.Sign(demoTeam), names, isDemo);
    }

    private static List<ReviewerKey> ReadRecipientsFile(PortalOptions options)
    {
        if (!File.Exists(options.RecipientsFile))
        {
            return [];
        }

        using var reader = new StreamReader(options.RecipientsFile);
        return [.. RecipientsFile.Parse(reader, options.RecipientsFile)];
    }

    // The keys are the set's, in its order; names (from recipients.txt comments, demo only) are labels, never keys.
    private static ReviewerKeys FromSet(RecipientSet set, byte[] envelope, IReadOnlyDictionary<string, string?>? names, bool isDemo)
    {
        var keys = set.Recipients
            .Select(r => new ReviewerKey(names?.GetValueOrDefault(r), r, MlKem768X25519Recipient.Parse(r)))
            .ToList();
        return new ReviewerKeys(keys, isDemo, Encoding.UTF8.GetString(envelope), set.Issued);
    }
}
