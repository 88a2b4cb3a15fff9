using System.Security.Cryptography;
using System.Text.Json;
using WhistleSubmit.ReviewerConsole.Vault.Sharing;

namespace WhistleSubmit.ReviewerConsole.Tests.Vault.Sharing;

/// <summary>
/// The GF(256) secret sharing: fixed vectors computed by an independent table-based implementation
/// (shamir-vectors.json), the field's FIPS-197 product, and the scheme's two properties: any k shares rebuild the
/// secret, and k − 1 shares say nothing about it.
/// </summary>
[TestFixture]
public sealed class ShamirTests
{
    private static readonly string VectorFile = Path.Combine(Repository.Root, "tests", "ReviewerConsole.Tests", "Vault", "Sharing", "shamir-vectors.json");

    public static IEnumerable<TestCaseData> Vectors()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(VectorFile));
        foreach (JsonElement vector in document.RootElement.GetProperty("vectors").EnumerateArray())
        {
            yield return new TestCaseData(
                vector.GetProperty("threshold").GetInt32(),
                Convert.FromHexString(vector.GetProperty("secret").GetString()!),
                Convert.FromHexString(vector.GetProperty("coefficients").GetString()!),
                vector.GetProperty("shares").EnumerateArray()
                    .Select(s => ((byte)s.GetProperty("x").GetInt32(), Convert.FromHexString(s.GetProperty("y").GetString()!))).ToArray())
                .SetArgDisplayNames(vector.GetProperty("name").GetString()!);
        }
    }

    [TestCaseSource(nameof(Vectors))]
    public void Combine_VectorShares_GivesTheVectorSecret(int threshold, byte[] secret, byte[] coefficients, (byte X, byte[] Y)[] shares)
    {
        foreach (IReadOnlyList<(byte, byte[])> subset in Subsets(shares, threshold).Take(50))
        {
            Assert.That(Shamir.Combine(subset), Is.EqualTo(secret));
        }
    }

    [TestCaseSource(nameof(Vectors))]
    public void Split_VectorCoefficients_GivesTheVectorShares(int threshold, byte[] secret, byte[] coefficients, (byte X, byte[] Y)[] shares)
    {
        int used = 0;
        byte[][] split = Shamir.Split(secret, shares.Length, threshold, buffer =>
        {
            coefficients.AsSpan(used, buffer.Length).CopyTo(buffer);
            used += buffer.Length;
        });

        Assert.That(split, Is.EqualTo(shares.Select(s => s.Y).ToArray()));
        Assert.That(used, Is.EqualTo(coefficients.Length));
    }

    [Test]
    public void Multiply_Fips197Example_GivesC1()
    {
        // FIPS-197 section 4.2: {57} • {83} = {c1}.
        Assert.That(Shamir.Multiply(0x57, 0x83), Is.EqualTo(0xC1));
    }

    [Test]
    public void Inverse_EveryNonZeroByte_MultipliesToOne()
    {
        for (int a = 1; a < 256; a++)
        {
            Assert.That(Shamir.Multiply((byte)a, Shamir.Inverse((byte)a)), Is.EqualTo(1), $"a = {a}");
        }
    }

    [TestCase(2, 2)]
    [TestCase(3, 2)]
    [TestCase(5, 3)]
    [TestCase(7, 7)]
    public void Combine_AnyThresholdOfRandomShares_RebuildsTheSecret(int shares, int threshold)
    {
        for (int round = 0; round < 10; round++)
        {
            byte[] secret = RandomNumberGenerator.GetBytes(32);
            (byte X, byte[] Y)[] points = [.. Shamir.Split(secret, shares, threshold).Select((y, i) => ((byte)(i + 1), y))];

            foreach (IReadOnlyList<(byte, byte[])> subset in Subsets(points, threshold))
            {
                Assert.That(Shamir.Combine(subset), Is.EqualTo(secret));
            }

            // More than the threshold works too.
            Assert.That(Shamir.Combine(points), Is.EqualTo(secret));
        }
    }

    [TestCase(3, 2)]
    [TestCase(5, 3)]
    public void Combine_OneShareFewerThanTheThreshold_DoesNotGiveTheSecret(int shares, int threshold)
    {
        for (int round = 0; round < 10; round++)
        {
            byte[] secret = RandomNumberGenerator.GetBytes(32);
            (byte X, byte[] Y)[] points = [.. Shamir.Split(secret, shares, threshold).Select((y, i) => ((byte)(i + 1), y))];

            foreach (IReadOnlyList<(byte, byte[])> subset in Subsets(points, threshold - 1))
            {
                Assert.That(Shamir.Combine(subset), Is.Not.EqualTo(secret));
            }
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(7)]
    public void Split_OneShareOfTwo_IsEquallyLikelyForEverySecret(int x)
    {
        // Information-theoretic secrecy, checked exhaustively for one byte and k = 2: for each value the share at x can
        // take, every secret byte has exactly one polynomial giving it, so the share tells nothing about the secret.
        var counts = new int[256, 256];
        for (int secret = 0; secret < 256; secret++)
        {
            for (int coefficient = 0; coefficient < 256; coefficient++)
            {
                byte[][] split = Shamir.Split([(byte)secret], Math.Max(x, 2), 2, buffer => buffer[0] = (byte)coefficient);
                counts[split[x - 1][0], secret]++;
            }
        }

        Assert.That(counts.Cast<int>().Where(count => count != 1), Is.Empty);
    }

    [TestCase(3, 1)]
    [TestCase(2, 3)]
    [TestCase(256, 2)]
    public void Split_ImpossibleShape_Throws(int shares, int threshold)
    {
        Assert.That(() => Shamir.Split(new byte[32], shares, threshold), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Combine_SameXTwiceOrXZero_Throws()
    {
        byte[] y = new byte[32];
        Assert.Multiple(() =>
        {
            Assert.That(() => Shamir.Combine([(1, y), (1, y)]), Throws.ArgumentException);
            Assert.That(() => Shamir.Combine([(0, y), (1, y)]), Throws.ArgumentException);
            Assert.That(() => Shamir.Combine([(1, y), (2, new byte[31])]), Throws.ArgumentException);
        });
    }

    private static IEnumerable<IReadOnlyList<(byte, byte[])>> Subsets((byte X, byte[] Y)[] points, int size)
    {
        for (int mask = 0; mask < 1 << points.Length; mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) == size)
            {
                yield return [.. points.Where((_, i) => (mask >> i & 1) == 1).Select(p => (p.X, p.Y))];
            }
        }
    }
}
