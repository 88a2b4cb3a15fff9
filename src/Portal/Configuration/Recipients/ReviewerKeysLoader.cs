namespace WhistleSubmit.Portal.Configuration.Recipients;

/// <summary>
/// Decides at startup which keys submissions are encrypted to: the configured recipients; or, outside production
/// and only when none are configured, the demo identity. Production without recipients is an error, never a demo.
/// </summary>
public static class ReviewerKeysLoader
{
    /// <exception cref="PortalStartupException">The configuration cannot work.</exception>
    public static ReviewerKeys Load(PortalOptions options, TimeProvider time)
    {
        DataDirectory.Ensure(options.DataDirectoryFullPath);
        if (File.Exists(options.RecipientsFile))
        {
            using var reader = new StreamReader(options.RecipientsFile);
            IReadOnlyList<ReviewerKey> keys = RecipientsFile.Parse(reader, options.RecipientsFile);
            if (keys.Count > 0)
            {
                return new ReviewerKeys(keys, isDemo: false);
            }
        }

        if (options.Production)
        {
            throw new PortalStartupException(
                $"production mode and no reviewer recipient in {options.RecipientsFile}.",
                "Add the reviewers' age1pq1… public keys to that file, one per line, then start again. " +
                "(Without --production the portal runs as a demo with a key it creates itself.)");
        }

        var recipient = DemoReviewerIdentity.LoadOrCreate(options.DemoIdentityFile, time);
        return new ReviewerKeys([new ReviewerKey("Demo reviewer", recipient.ToString(), recipient)], isDemo: true);
    }
}
