using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Portal.Configuration.Recipients;

/// <summary>One reviewer public key every submission is encrypted to, with what the landing page shows of it.</summary>
/// <param name="Name">The name from the comment line above it in recipients.txt, if any.</param>
/// <param name="Recipient">The <c>age1pq1…</c> text.</param>
/// <param name="Key">The parsed recipient.</param>
public sealed record ReviewerKey(string? Name, string Recipient, IRecipient Key)
{
    /// <summary>What a source compares with the fingerprint published elsewhere.</summary>
    public string Fingerprint { get; } = RecipientFingerprint.Compute(Recipient);
}
