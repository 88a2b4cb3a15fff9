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

    /// <summary>
    /// The check for <paramref name="vault"/>: in a shared vault, <see cref="JoinedHolderApproval"/>; in a
    /// single-passphrase vault, <see cref="VaultPassphraseApproval"/>.
    /// </summary>
    public static ISecondReviewerApproval For(VaultSession vault)
    {
        ArgumentNullException.ThrowIfNull(vault);
        return vault.IsShared ? new JoinedHolderApproval() : new VaultPassphraseApproval();
    }
}

/// <summary>
/// In a shared vault: the approver must be one of the holders whose own passphrase opened this session (at least two
/// people, each with their own share). Nothing more is typed: their share was their approval to open it.
/// </summary>
internal sealed class JoinedHolderApproval : ISecondReviewerApproval
{
    public void Confirm(VaultSession vault, string approver)
    {
        ArgumentNullException.ThrowIfNull(vault);
        if (!vault.Holders.Contains(vault.Actor, StringComparer.Ordinal))
        {
            throw new CliException(
                $"you (--as {vault.Actor}) are not one of the holders who opened the vault for this command ({string.Join(", ", vault.Holders)}): not approved",
                "in a shared vault the reviewer asking and the one approving are both holders who type their passphrases (--holders NAME,NAME --as NAME)");
        }

        if (!vault.Holders.Contains(approver, StringComparer.Ordinal))
        {
            throw new CliException(
                $"{approver} is not one of the holders who opened the vault for this command ({string.Join(", ", vault.Holders)}): not approved",
                "run it again with the approver among the holders who type their passphrases (--holders NAME,NAME)");
        }
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
