using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Portal.Tests.Security;

/// <summary>
/// Invariant 5: the portal has no code path that decrypts with a reviewer private key. It may create the demo
/// identity, but nothing in its assembly may call an identity's Unwrap or AgeEncryption.Decrypt, directly, through
/// a delegate, or by looking the method up by name.
/// </summary>
public class NoReviewerDecryptionTests
{
    private static readonly string PortalAssembly = typeof(Program).Assembly.Location;

    private static bool IsDecryption(MethodCallSite site) =>
        (site.CalleeName == nameof(IIdentity.Unwrap) && site.CalleeType.StartsWith("WhistleSubmit.Crypto.", StringComparison.Ordinal))
        || (site.CalleeName == "Decrypt" && site.CalleeType == "WhistleSubmit.Crypto.Age.AgeEncryption");

    [Test]
    public void PortalAssembly_Always_HasNoCallThatDecrypts()
    {
        var offending = MethodCallScanner.Scan(PortalAssembly).Where(IsDecryption);

        Assert.That(offending, Is.Empty);
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
