using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Portal.Features.Mailbox;

namespace WhistleSubmit.Portal.Tests.Security;

/// <summary>
/// Invariant 5: the portal has no code path that decrypts with a reviewer private key. It may create the demo
/// identity, but nothing in its assembly may call an identity's Unwrap or AgeEncryption.Decrypt, directly, through
/// a delegate, or by looking the method up by name, with exactly one exception: <see cref="ReplyDecryptor"/>, which
/// opens reviewers' replies for the no-JS mailbox with the source's reply identity, and nothing else.
/// </summary>
public class NoReviewerDecryptionTests
{
    private static readonly string PortalAssembly = typeof(Program).Assembly.Location;

    private static bool IsDecryption(MethodCallSite site) =>
        (site.CalleeName == nameof(IIdentity.Unwrap) && site.CalleeType.StartsWith("WhistleSubmit.Crypto.", StringComparison.Ordinal))
        || (site.CalleeName == "Decrypt" && site.CalleeType == "WhistleSubmit.Crypto.Age.AgeEncryption");

    private static readonly string ReplyDecryptorType = typeof(ReplyDecryptor).FullName!;

    [Test]
    public void PortalAssembly_Always_HasNoCallThatDecryptsOutsideReplyDecryptor()
    {
        var offending = MethodCallScanner.Scan(PortalAssembly).Where(IsDecryption).Where(s => s.CallerType != ReplyDecryptorType);

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
