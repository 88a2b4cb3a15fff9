using WhistleSubmit.Crypto.Padding;

namespace WhistleSubmit.Crypto.Tests.Padding;

public class PadmeTests
{
    // Values from the PADMÉ definition (Nikitin et al., PETS 2019, section 4), cross-checked with a Python transcription.
    [TestCase(0L, 0L)]
    [TestCase(1L, 1L)]
    [TestCase(2L, 2L)]
    [TestCase(3L, 3L)]
    [TestCase(8L, 8L)]
    [TestCase(9L, 10L)]
    [TestCase(33L, 36L)]
    [TestCase(1000L, 1024L)]
    [TestCase(1025L, 1088L)]
    [TestCase(1_000_000L, 1_015_808L)]
    [TestCase(1L << 40, 1L << 40)]
    [TestCase((1L << 40) + 1, (1L << 40) + (1L << 34))]
    public void PaddedLength_KnownValue_Matches(long length, long expected)
    {
        Assert.That(Padme.PaddedLength(length), Is.EqualTo(expected));
    }

    [Test]
    public void PaddedLength_SmallRange_IsMonotonicNotShorterAndWithin12Percent()
    {
        long previous = 0;
        for (long length = 0; length <= 200_000; length++)
        {
            long padded = Padme.PaddedLength(length);
            if (padded < length || padded < previous || padded - length > (length * 12 / 100) + 1)
            {
                Assert.Fail($"PADMÉ broke its bounds at {length}");
            }

            previous = padded;
        }
    }

    [Test]
    public void PaddedLength_LargeLengths_StayWithin12PercentAndAreFixedPoints()
    {
        var random = new Random(1);
        for (int i = 0; i < 10_000; i++)
        {
            long length = random.NextInt64(2, long.MaxValue / 2);
            long padded = Padme.PaddedLength(length);
            if ((double)(padded - length) / length > 0.12 || Padme.PaddedLength(padded) != padded)
            {
                Assert.Fail($"PADMÉ broke its bounds at {length}");
            }
        }
    }

    [Test]
    public void PaddedLength_Negative_ThrowsArgumentOutOfRange()
    {
        Assert.That(() => Padme.PaddedLength(-1), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [TestCase(long.MaxValue)]
    [TestCase(long.MaxValue - 1000)]
    public void PaddedLength_WouldOverflow_ThrowsArgumentOutOfRange(long length)
    {
        Assert.That(() => Padme.PaddedLength(length), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void PaddedLength_LargestRepresentable_ReturnsItself()
    {
        long alignedTop = long.MaxValue & ~((1L << 56) - 1);

        Assert.That(Padme.PaddedLength(alignedTop), Is.EqualTo(alignedTop));
    }
}
