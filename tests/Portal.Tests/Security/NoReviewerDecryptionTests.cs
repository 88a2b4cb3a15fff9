using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Portal.Features.Mailbox;
using WhistleSubmit.Portal.Features.Transfer;

namespace WhistleSubmit.Portal.Tests.Security;

/// <summary>
/// Invariant 5: the portal has no code path that decrypts with a reviewer private key. It may create the demo
/// identity, but nothing in its assembly may call an identity's Unwrap or AgeEncryption.Decrypt, directly, through
/// a delegate, or by looking the method up by name, with exactly two exceptions: <see cref="ReplyDecryptor"/>, which
/// opens reviewers' replies for the no-JS mailbox with the source's reply identity, and nothing else; and
/// <see cref="TransferBundles"/>, which opens a prepared bundle at rest with the per-bundle identity the store keeps
/// with its pending export (the bundle's contents stay encrypted to the reviewers inside).
/// </summary>
public class NoReviewerDecryptionTests
{
    private static readonly string PortalAssembly = typeof(Program).Assembly.Location;

    private static bool IsDecryption(MethodCallSite site) =>
        (site.CalleeName == nameof(IIdentity.Unwrap) && site.CalleeType.StartsWith("WhistleSubmit.Crypto.", StringComparison.Ordinal))
        || (site.CalleeName == "Decrypt" && site.CalleeType == "WhistleSubmit.Crypto.Age.AgeEncryption");

    private static readonly string ReplyDecryptorType = typeof(ReplyDecryptor).FullName!;
    private static readonly string TransferBundlesType = typeof(TransferBundles).FullName!;

    [Test]
    public void PortalAssembly_Always_HasNoCallThatDecryptsOutsideReplyDecryptor()
    {
        var offending = MethodCallScanner.Scan(PortalAssembly).Where(IsDecryption)
            .Where(s => s.CallerType != ReplyDecryptorType && s.CallerType != TransferBundlesType);

        Assert.That(offending, Is.Empty);
    }

    [Test]
    public void ReplyDecryptor_Always_DecryptsOnlyWithTheSourceReplyIdentity()
    {
        var calls = MethodCallScanner.Scan(PortalAssembly).Where(s => s.CallerType == ReplyDecryptorType).ToList();

        // It decrypts (so the scan sees it), never unwraps by hand, and the only identity it can obtain is the one
        // SourceKeys derives from the codename: no key parsing, no file, no reviewer keys, no other identity type.
        Assert.That(calls, Has.Some.Matches<MethodCallSite>(s => s.CalleeType == "WhistleSubmit.Crypto.Age.AgeEncryption" && s.CalleeName == "Decrypt"));
        Assert.That(calls, Has.Some.Matches<MethodCallSite>(s => s.CalleeType == "WhistleSubmit.Crypto.Codenames.SourceKeys" && s.CalleeName == "get_ReplyIdentity"));
        var identitySources = calls.Where(s =>
            s.CalleeType.StartsWith("WhistleSubmit.Crypto.Age.", StringComparison.Ordinal) && s.CalleeType != "WhistleSubmit.Crypto.Age.AgeEncryption"
            || s.CalleeType.StartsWith("WhistleSubmit.Portal.Configuration", StringComparison.Ordinal)
            || s.CalleeType.StartsWith("System.IO.File", StringComparison.Ordinal)
            // The mailbox id (public, in every request) is read to check a signed reply is addressed to this mailbox.
            || (s.CalleeType == "WhistleSubmit.Crypto.Codenames.SourceKeys" && s.CalleeName is not ("get_ReplyIdentity" or "get_MailboxId")));
        Assert.That(identitySources, Is.Empty);
        Assert.That(typeof(ReplyDecryptor).GetMethods().Where(m => m.DeclaringType == typeof(ReplyDecryptor)).SelectMany(m => m.GetParameters())
            .Select(p => p.ParameterType), Has.None.AssignableTo<IIdentity>(), "callers cannot hand it an identity");
    }

    [Test]
    public void TransferBundles_Always_DecryptsOnlyWithThePreparedBundleKeyFromTheStore()
    {
        var calls = MethodCallScanner.Scan(PortalAssembly).Where(s => s.CallerType == TransferBundlesType).ToList();

        // The only identity it parses is the bundle's own, read from the store's pending export; it loads no key
        // from configuration or from a file, so a reviewer key could never reach it.
        Assert.That(calls, Has.Some.Matches<MethodCallSite>(s => s.CalleeType == "WhistleSubmit.Portal.Store.TransferStore" && s.CalleeName == "FindPreparedBundleKey"));
        Assert.That(calls.Where(s => s.CalleeName == nameof(IIdentity.Unwrap)
            || s.CalleeType.StartsWith("WhistleSubmit.Portal.Configuration.Recipients", StringComparison.Ordinal)
            || s.CalleeType.StartsWith("WhistleSubmit.Portal.Configuration.Team", StringComparison.Ordinal)
            || (s.CalleeType == "System.IO.File" && s.CalleeName is "ReadAllText" or "ReadAllBytes" or "ReadAllLines")), Is.Empty);
    }

    [Test]
    public void PortalAssembly_Always_LooksUpNoDecryptionMethodByName()
    {
        Assert.That(MethodCallScanner.UserStrings(PortalAssembly), Has.None.EqualTo("Unwrap").And.None.EqualTo("Decrypt"));
    }

    [Test]
    public void PortalAssembly_Always_IsActuallyScanned()
    {
        // The demo identity is generated in the portal: the scanner must see that call, or it sees nothing.
        var sites = MethodCallScanner.Scan(PortalAssembly);

        Assert.That(sites, Has.Some.Matches<MethodCallSite>(s =>
            s.CalleeType == "WhistleSubmit.Crypto.Age.MlKem768X25519Identity" && s.CalleeName == "Generate"));
    }

    [Test]
    public void Scan_AssemblyThatUnwraps_FindsTheCaller()
    {
        var offending = MethodCallScanner.Scan(typeof(NoReviewerDecryptionTests).Assembly.Location).Where(IsDecryption);

        Assert.That(offending.Select(s => s.CallerType), Has.Member(typeof(NoReviewerDecryptionTests).FullName));
    }

    /// <summary>Code that does what the portal must never do, so the scanner can be shown to catch it.</summary>
    private static class DecryptingSample
    {
        public static FileKey? Open(IIdentity identity, IReadOnlyList<Stanza> stanzas)
        {
            Func<IReadOnlyList<Stanza>, FileKey?> unwrap = identity.Unwrap;
            return unwrap(stanzas);
        }
    }
}
