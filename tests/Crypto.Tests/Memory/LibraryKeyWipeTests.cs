using System.Reflection;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Age.Hpke;
using WhistleSubmit.Crypto.Memory;
using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.Crypto.Tests.Memory;

/// <summary>
/// Issue 14: the secret arrays inside BouncyCastle's key objects read zero once our key is disposed. If a BouncyCastle
/// upgrade moves the key material out of byte[] fields, the "has arrays" checks fail instead of wiping nothing.
/// </summary>
public class LibraryKeyWipeTests
{
    [Test]
    public void Dispose_MlKemIdentity_BouncyCastleArraysZeroed()
    {
        var identity = MlKem768X25519Identity.Generate();
        var key = (MlKem768X25519PrivateKey)typeof(MlKem768X25519Identity).GetField("key", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(identity)!;
        MLKemPrivateKeyParameters mlKem = key.MlKem;
        var arrays = ByteArrays(mlKem);

        Assert.That(arrays, Has.Count.GreaterThanOrEqualTo(2), "the seed, and the encoded decapsulation key (s, t, ρ, H(ek), z)");
        Assert.That(arrays.Sum(a => a.Length), Is.GreaterThanOrEqualTo(64 + 2400), "BouncyCastle 2.7.0 keeps the whole 2,400-byte dk in an array");
        Assert.That(arrays.Count(a => a.Any(b => b != 0)), Is.GreaterThanOrEqualTo(2));
        identity.Dispose();

        Assert.That(ByteArrays(mlKem).SelectMany(a => a), Is.All.Zero);
    }

    [Test]
    public void Dispose_TeamSigningKey_Ed25519AndMlDsaArraysZeroed()
    {
        var key = TeamSigningKey.Generate();
        object ed = typeof(TeamSigningKey).GetField("ed25519", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(key)!;
        object mlDsa = typeof(TeamSigningKey).GetField("mlDsa", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(key)!;

        Assert.That(ByteArrays(ed).SelectMany(a => a), Has.Some.Not.Zero);
        Assert.That(ByteArrays(mlDsa), Has.Count.GreaterThanOrEqualTo(6));
        key.Dispose();

        Assert.That(ByteArrays(ed).SelectMany(a => a), Is.All.Zero);
        Assert.That(ByteArrays(mlDsa).SelectMany(a => a), Is.All.Zero);
    }

    [Test]
    public void Wipe_ObjectWithoutArrays_ZeroWiped() => Assert.That(LibraryKeyWipe.Wipe(new object()), Is.Zero);

    [Test]
    public void Wipe_ArraysOfPrimitives_AllZeroed()
    {
        var holder = new Holder();

        Assert.That(LibraryKeyWipe.Wipe(holder), Is.EqualTo(2));
        Assert.That(holder.Bytes, Is.All.Zero);
        Assert.That(holder.Shorts, Is.All.Zero);
        Assert.That(holder.Text, Is.EqualTo("kept"), "not an array");
    }

    [Test]
    public void Parse_SecretKeyAsBytes_SameIdentityAsFromTheString()
    {
        using var original = MlKem768X25519Identity.Generate();
        string text = original.ExportSecretKey();

        using var fromBytes = MlKem768X25519Identity.ParseAscii(Encoding.ASCII.GetBytes(text));

        Assert.That(fromBytes.Recipient.ToString(), Is.EqualTo(original.Recipient.ToString()));
        Assert.Throws<FormatException>(() => MlKem768X25519Identity.ParseAscii(Encoding.ASCII.GetBytes(text.ToLowerInvariant())));
        Assert.Throws<FormatException>(() => MlKem768X25519Identity.ParseAscii(Encoding.ASCII.GetBytes(text[..^1] + "Q")));
    }

    [Test]
    public void FromSecretText_Bytes_SameKeyAsFromTheString()
    {
        using var original = TeamSigningKey.Generate();

        using var fromBytes = TeamSigningKey.FromSecretTextAscii(Encoding.ASCII.GetBytes(original.SecretText));

        Assert.That(fromBytes.PublicKey.Text, Is.EqualTo(original.PublicKey.Text));
        Assert.Throws<FormatException>(() => TeamSigningKey.FromSecretTextAscii(Encoding.ASCII.GetBytes(original.SecretText + "A")));
    }

    private sealed class Holder
    {
        public byte[] Bytes { get; } = [1, 2, 3];

        public short[] Shorts { get; } = [4, 5];

        public string Text { get; } = "kept";
    }

    private static List<byte[]> ByteArrays(object o)
    {
        var arrays = new List<byte[]>();
        for (Type? t = o.GetType(); t is not null && t != typeof(object); t = t.BaseType)
        {
            arrays.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly)
                .Where(f => f.FieldType == typeof(byte[])).Select(f => f.GetValue(o)).OfType<byte[]>());
        }

        return arrays;
    }
}
