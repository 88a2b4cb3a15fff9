namespace WhistleSubmit.Portal.Tests.Logging;

/// <summary>
/// A start says once what protects the DataProtection key ring, instead of DataProtection's "No XML encryptor
/// configured" warning at every start (which read like a misconfiguration).
/// </summary>
public class KeyRingLogTests
{
    [Test]
    public void Start_LogsWhatProtectsTheKeyRing_AndNotTheXmlEncryptorWarning()
    {
        using var factory = new PortalFactory();
        factory.Start();

        Assert.That(factory.Log.AllText, Does.Contain("Key ring:").And.Contain("owner-only permissions"));
        Assert.That(factory.Log.AllText, Does.Not.Contain("No XML encryptor configured"));
    }
}
