using WhistleSubmit.Crypto.Age.Hpke;
using static WhistleSubmit.Crypto.Tests.Age.Hpke.PublishedVectors;

namespace WhistleSubmit.Crypto.Tests.Age.Hpke;

public class MlKem768X25519Tests
{
    [Test]
    public void ExpandKey_XWingVectorSeed_GivesPublishedPublicKey()
    {
        using MlKem768X25519PrivateKey key = MlKem768X25519.ExpandKey(Hex.Decode(XWing.Seed));

        Assert.That(key.PublicKey.ToArray(), Is.EqualTo(Hex.Decode(XWing.PublicKey)));
    }

    [Test]
    public void ExpandKey_HpkePqVectorKey_GivesPublishedPublicKey()
    {
        using MlKem768X25519PrivateKey key = MlKem768X25519.ExpandKey(Hex.Decode(HpkePq.SkRm));

        Assert.That(key.PublicKey.ToArray(), Is.EqualTo(Hex.Decode(HpkePq.PkRm)));
    }

    [Test]
    public void Encap_XWingVectorEseed_GivesPublishedCiphertextAndSharedSecret()
    {
        (byte[] ss, byte[] enc) = MlKem768X25519.Encap(Hex.Decode(XWing.PublicKey), Hex.Decode(XWing.Eseed));

        Assert.Multiple(() =>
        {
            Assert.That(enc, Is.EqualTo(Hex.Decode(XWing.Ciphertext)));
            Assert.That(ss, Is.EqualTo(Hex.Decode(XWing.SharedSecret)));
        });
    }

    [Test]
    public void Decap_XWingVectorCiphertext_GivesPublishedSharedSecret()
    {
        using MlKem768X25519PrivateKey key = MlKem768X25519.ExpandKey(Hex.Decode(XWing.Seed));

        byte[]? ss = MlKem768X25519.Decap(Hex.Decode(XWing.Ciphertext), key);

        Assert.That(ss, Is.EqualTo(Hex.Decode(XWing.SharedSecret)));
    }

    [Test]
    public void Decap_CorruptedMlKemCiphertext_GivesAnotherSecretByImplicitRejection()
    {
        using MlKem768X25519PrivateKey key = MlKem768X25519.ExpandKey(Hex.Decode(XWing.Seed));
        byte[] enc = Hex.Decode(XWing.Ciphertext);
        enc[0] ^= 1;

        byte[]? ss = MlKem768X25519.Decap(enc, key);

        Assert.That(ss, Is.Not.Null.And.Not.EqualTo(Hex.Decode(XWing.SharedSecret)));
    }

    [TestCase(0, Description = "u = 0, the identity")]
    [TestCase(1, Description = "u = 1, order 4")]
    public void Decap_LowOrderX25519Share_ReturnsNull(int u)
    {
        using MlKem768X25519PrivateKey key = MlKem768X25519.ExpandKey(Hex.Decode(XWing.Seed));
        byte[] enc = Hex.Decode(XWing.Ciphertext);
        enc.AsSpan(MlKem768X25519.MlKemCiphertextSize).Clear();
        enc[MlKem768X25519.MlKemCiphertextSize] = (byte)u;

        Assert.That(MlKem768X25519.Decap(enc, key), Is.Null);
    }

    [Test]
    public void Decap_WrongLength_Throws()
    {
        using MlKem768X25519PrivateKey key = MlKem768X25519.ExpandKey(Hex.Decode(XWing.Seed));

        Assert.That(() => MlKem768X25519.Decap(new byte[MlKem768X25519.EncSize - 1], key), Throws.ArgumentException);
    }

    [Test]
    public void Encap_WrongEseedLength_Throws()
    {
        Assert.That(() => MlKem768X25519.Encap(Hex.Decode(XWing.PublicKey), new byte[32]), Throws.ArgumentException);
    }

    [Test]
    public void ExpandKey_WrongSeedLength_Throws()
    {
        Assert.That(() => MlKem768X25519.ExpandKey(new byte[31]), Throws.ArgumentException);
    }

    [Test]
    public void IsValidPublicKey_PublishedKey_IsTrue()
    {
        Assert.That(MlKem768X25519.IsValidPublicKey(Hex.Decode(XWing.PublicKey)), Is.True);
    }

    [TestCase(-1)]
    [TestCase(1)]
    public void IsValidPublicKey_WrongLength_IsFalse(int delta)
    {
        byte[] pk = new byte[MlKem768X25519.PublicKeySize + delta];

        Assert.That(MlKem768X25519.IsValidPublicKey(pk), Is.False);
    }

    [TestCase(0, Description = "first coefficient of the first triple")]
    [TestCase(1, Description = "second coefficient of the first triple")]
    public void IsValidPublicKey_CoefficientNotBelowQ_IsFalse(int which)
    {
        byte[] pk = Hex.Decode(XWing.PublicKey);
        // 3329 = 0xd01: ByteEncode12 puts coefficient 0 in bytes 0 and the low nibble of 1, coefficient 1 in the rest.
        if (which == 0)
        {
            pk[0] = 0x01;
            pk[1] = (byte)((pk[1] & 0xf0) | 0x0d);
        }
        else
        {
            pk[1] = (byte)((pk[1] & 0x0f) | 0x10);
            pk[2] = 0xd0;
        }

        Assert.That(MlKem768X25519.IsValidPublicKey(pk), Is.False);
    }

    [Test]
    public void IsValidPublicKey_LowOrderX25519Key_IsFalse()
    {
        byte[] pk = Hex.Decode(XWing.PublicKey);
        pk.AsSpan(MlKem768X25519.MlKemPublicKeySize).Clear();

        Assert.That(MlKem768X25519.IsValidPublicKey(pk), Is.False);
    }
}
