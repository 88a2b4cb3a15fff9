using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.Crypto.Tests.Signing;

public class TeamSigningKeyTests
{
    [Test]
    public void Sign_ThenVerify_Succeeds()
    {
        using var key = TeamSigningKey.Generate();

        byte[] signature = key.Sign("reply", "hello"u8);

        Assert.That(signature, Has.Length.EqualTo(TeamPublicKey.SignatureLength));
        Assert.That(key.PublicKey.Verify("reply", "hello"u8, signature), Is.True);
    }

    [Test]
    public void Sign_TwoCalls_DifferBecauseMlDsaIsHedged()
    {
        using var key = TeamSigningKey.Generate();

        byte[] first = key.Sign("reply", "hello"u8);
        byte[] second = key.Sign("reply", "hello"u8);

        Assert.That(first.AsSpan(0, 64).SequenceEqual(second.AsSpan(0, 64)), Is.True, "Ed25519 is deterministic");
        Assert.That(first.AsSpan(64).SequenceEqual(second.AsSpan(64)), Is.False, "ML-DSA-65 signs with fresh randomness");
    }

    [Test]
    public void SignReproducibly_TwoCalls_GiveTheSameValidSignature()
    {
        using var key = TeamSigningKey.Generate();

        byte[] first = key.SignReproducibly("release-sums", "hello"u8);
        byte[] second = key.SignReproducibly("release-sums", "hello"u8);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(key.PublicKey.Verify("release-sums", "hello"u8, first), Is.True);
        Assert.That(key.PublicKey.Verify("release-sums", "hellO"u8, first), Is.False);
    }

    [Test]
    public void FromSecretText_OfSecretText_GivesTheSameKey()
    {
        using var key = TeamSigningKey.Generate();

        using var again = TeamSigningKey.FromSecretText(key.SecretText);

        Assert.That(key.SecretText, Does.StartWith(TeamSigningKey.SecretPrefix));
        Assert.That(again.PublicKey, Is.EqualTo(key.PublicKey));
    }

    [Test]
    public void FromSeeds_SameSeeds_GiveTheSamePublicKey()
    {
        byte[] ed = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        byte[] ml = Enumerable.Range(32, 32).Select(i => (byte)i).ToArray();

        using var first = TeamSigningKey.FromSeeds(ed, ml);
        using var second = TeamSigningKey.FromSeeds(ed, ml);

        Assert.That(first.PublicKey.Text, Is.EqualTo(second.PublicKey.Text));
    }

    [TestCase("")]
    [TestCase("WHISTLESUBMIT-TEAM-SECRET-V2:")]
    [TestCase("whistlesubmit-team-secret-v2:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0-Pw")]
    [TestCase("WHISTLESUBMIT-TEAM-SECRET-V2:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0-Pw==")]
    [TestCase("WHISTLESUBMIT-TEAM-SECRET-V2:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0-Px")]
    [TestCase("WHISTLESUBMIT-TEAM-SECRET-V2:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw")]
    public void FromSecretText_Malformed_ThrowsFormatException(string text)
    {
        Assert.That(() => TeamSigningKey.FromSecretText(text), Throws.InstanceOf<FormatException>());
    }

    [Test]
    public void FromSecretText_Canonical_IsAccepted()
    {
        // The same 64 bytes as the malformed cases above, written canonically.
        using var key = TeamSigningKey.FromSecretText("WHISTLESUBMIT-TEAM-SECRET-V2:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0-Pw");

        Assert.That(key.PublicKey.Bytes, Has.Length.EqualTo(TeamPublicKey.Length));
    }

    [Test]
    public void Sign_InvalidType_Throws()
    {
        using var key = TeamSigningKey.Generate();

        Assert.That(() => key.Sign("Reply", "x"u8), Throws.ArgumentException);
        Assert.That(() => key.Sign("", "x"u8), Throws.ArgumentException);
        Assert.That(() => key.Sign(new string('a', 65), "x"u8), Throws.ArgumentException);
    }

    [Test]
    public void Dispose_ThenUse_Throws()
    {
        var key = TeamSigningKey.Generate();

        key.Dispose();

        Assert.That(() => key.SecretText, Throws.InstanceOf<ObjectDisposedException>());
        Assert.That(() => key.Sign("reply", "x"u8), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public void ToString_NeverShowsTheSecret()
    {
        using var key = TeamSigningKey.Generate();

        Assert.That(key.ToString(), Does.Not.Contain(key.SecretText[TeamSigningKey.SecretPrefix.Length..]));
    }
}
