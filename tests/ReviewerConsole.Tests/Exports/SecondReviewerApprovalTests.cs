using System.Security.Cryptography;
using WhistleSubmit.EncryptedStore;
using WhistleSubmit.ReviewerConsole.Exports;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Tests.Exports;

/// <summary>
/// The second reviewer of an export without consent, in a shared vault: one of the holders whose own passphrases
/// opened this session, nobody else (the single-passphrase check runs through the CLI in CaseExportConsentGateTests).
/// </summary>
public class SecondReviewerApprovalTests
{
    private TempDirectory directory = null!;
    private VaultSession shared = null!;

    [SetUp]
    public void Open()
    {
        directory = new TempDirectory();
        var store = DurableStore.Open(Path.Combine(directory.Path, "store"), RandomNumberGenerator.GetBytes(32));
        shared = new VaultSession(new VaultPaths(directory.Path), store, "key-file passphrase"u8, 18, ["ana", "ben"], 2, "ana", TimeProvider.System);
    }

    [TearDown]
    public void Close()
    {
        shared.Dispose();
        directory.Dispose();
    }

    [Test]
    public void For_SharedVault_IsTheJoinedHolderCheck() =>
        Assert.That(SecondReviewerApproval.For(shared), Is.InstanceOf<JoinedHolderApproval>());

    [Test]
    public void Confirm_HolderWhoJoined_Approves() =>
        Assert.That(() => SecondReviewerApproval.For(shared).Confirm(shared, "ben"), Throws.Nothing);

    [Test]
    public void Confirm_ActingReviewerNotAmongTheHolders_Refused()
    {
        using var outsider = new VaultSession(shared.Paths, DurableStore.Open(Path.Combine(directory.Path, "store2"), RandomNumberGenerator.GetBytes(32)),
            "key-file passphrase"u8, 18, ["ana", "ben"], 2, "cy", TimeProvider.System);

        Assert.That(() => SecondReviewerApproval.For(outsider).Confirm(outsider, "ben"),
            Throws.InstanceOf<CliException>().With.Message.Contains("you (--as cy) are not one of the holders"));
    }

    [TestCase("cy")]
    [TestCase("Ben")]
    [TestCase("bruno")]
    public void Confirm_NameNotAmongTheHoldersWhoJoined_Refused(string approver) =>
        Assert.That(() => SecondReviewerApproval.For(shared).Confirm(shared, approver),
            Throws.InstanceOf<CliException>().With.Message.Contains("is not one of the holders who opened the vault for this command (ana, ben)"));
}
