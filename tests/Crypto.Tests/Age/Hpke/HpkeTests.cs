using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using WhistleSubmit.Crypto.Age.Hpke;
using static WhistleSubmit.Crypto.Tests.Age.Hpke.PublishedVectors;
using HpkeBase = WhistleSubmit.Crypto.Age.Hpke.Hpke;

namespace WhistleSubmit.Crypto.Tests.Age.Hpke;

public class HpkeTests
{
    private static byte[] Info => Encoding.ASCII.GetBytes(HpkePq.Info);

    [TearDown]
    public void RestorePlatformAead() => ChaCha20Poly1305Aead.ForceBouncyCastle = false;

    [Test]
    public void SetupBaseS_HpkePqVector_GivesPublishedEnc()
    {
        (byte[] enc, HpkeContext context) = HpkeBase.SetupBaseS(Hex.Decode(HpkePq.PkRm), Hex.Decode(HpkePq.IkmE), Info);
        context.Dispose();

        Assert.That(enc, Is.EqualTo(Hex.Decode(HpkePq.Enc)));
    }

    [TestCase(false, Description = "platform ChaCha20-Poly1305")]
    [TestCase(true, Description = "BouncyCastle ChaCha20-Poly1305")]
    public void Seal_HpkePqVector_AccumulatedEncryptionsMatchAndOpen(bool bouncyCastle)
    {
        ChaCha20Poly1305Aead.ForceBouncyCastle = bouncyCastle;
        (_, HpkeContext sender) = HpkeBase.SetupBaseS(Hex.Decode(HpkePq.PkRm), Hex.Decode(HpkePq.IkmE), Info);
        using MlKem768X25519PrivateKey skR = MlKem768X25519.ExpandKey(Hex.Decode(HpkePq.SkRm));
        HpkeContext receiver = HpkeBase.SetupBaseR(Hex.Decode(HpkePq.Enc), skR, Info)!;
        var source = new ShakeDigest(128);
        var sink = new ShakeDigest(128);
        bool allOpened = true;

        using (sender)
        using (receiver)
        {
            for (int i = 0; i < 1000; i++)
            {
                byte[] aad = Draw(source), plaintext = Draw(source);
                byte[] ciphertext = sender.Seal(aad, plaintext);
                sink.BlockUpdate(ciphertext);
                allOpened &= receiver.Open(aad, ciphertext) is { } opened && opened.AsSpan().SequenceEqual(plaintext);
            }
        }

        var encryptions = new byte[16];
        sink.Output(encryptions);
        Assert.Multiple(() =>
        {
            Assert.That(encryptions, Is.EqualTo(Hex.Decode(HpkePq.Encryptions)));
            Assert.That(allOpened, Is.True);
        });
    }

    [Test]
    public void Open_TamperedCiphertext_ReturnsNull()
    {
        (byte[] enc, byte[] ciphertext) = HpkeBase.SealBase(Hex.Decode(HpkePq.PkRm), Hex.Decode(HpkePq.IkmE), Info, [], "file key bytes!!"u8);
        using MlKem768X25519PrivateKey skR = MlKem768X25519.ExpandKey(Hex.Decode(HpkePq.SkRm));
        ciphertext[^1] ^= 0x80;

        using HpkeContext receiver = HpkeBase.SetupBaseR(enc, skR, Info)!;

        Assert.That(receiver.Open([], ciphertext), Is.Null);
    }

    [TestCase(0)]
    [TestCase(255 * 32 + 1)]
    public void LabeledExpand_LengthOutOfRange_Throws(int length)
    {
        Assert.That(() => HpkeBase.LabeledExpand(new byte[32], "key"u8.ToArray(), [], length), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    // hpke_test.go drawRandomInput: one length byte, then that many bytes, from the same SHAKE128 stream.
    private static byte[] Draw(ShakeDigest source)
    {
        var length = new byte[1];
        source.Output(length);
        var bytes = new byte[length[0]];
        source.Output(bytes);
        return bytes;
    }
}
