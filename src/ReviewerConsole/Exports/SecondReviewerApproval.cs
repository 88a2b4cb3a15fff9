using System.Security.Cryptography;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Exports;

/// <summary>
/// The seam through which a second reviewer approves what one reviewer may not do alone (today: a referral packet
/// without the source's recorded consent). <see cref="Confirm"/> returns only if <c>approver</c>, a reviewer other
/// than the one acting, really approves; otherwise it throws <see cref="CliException"/>. Nothing is written before it
/// returns. <see cref="SecondReviewerApproval.For"/> picks the check the vault supports.
/// </summary>
internal interface ISecondReviewerApproval
{
    void Confirm(VaultSession vault, string approver);
}

/// <summary>The approval checks, by kind of vault.</summary>
internal static class SecondReviewerApproval
{
    /// <summary>Scripts and tests name a file holding the second reviewer's passphrase here; otherwise it is asked on the terminal.</summary>
    public const string FileVariable = "WHISTLE_REVIEW_SECOND_PASSPHRASE_FILE";

    /// <summary>The check for <paramref name="vault"/>: in a single-passphrase vault, <see cref="VaultPassphraseApproval"/>.</summary>
    public static ISecondReviewerApproval For(VaultSession vault)
    {
        ArgumentNullException.ThrowIfNull(vault);
        return new VaultPassphraseApproval();
    }
}

/// <summary>
/// In a vault with one passphrase: the second reviewer, at the same machine, types the vault passphrase themselves.
/// It proves presence of someone who knows the passphrase, not which reviewer it is (the name is their word, and is
/// audited): a k-of-n vault replaces this with a check of the approver's own share.
/// </summary>
internal sealed class VaultPassphraseApproval : ISecondReviewerApproval
{
    public void Confirm(VaultSession vault, string approver)
    {
        ArgumentNullException.ThrowIfNull(vault);
        byte[] typed = PassphrasePrompt.Read($"{approver}, type the vault passphrase to approve:", SecondReviewerApproval.FileVariable);
        try
        {
            if (!CryptographicOperations.FixedTimeEquals(typed, vault.Passphrase))
            {
                throw new CliException($"{approver}'s passphrase is not the vault's: not approved", "the second reviewer types the vault passphrase themselves");
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(typed);
        }
    }
}
