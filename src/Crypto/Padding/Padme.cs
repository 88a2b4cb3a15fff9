namespace WhistleSubmit.Crypto.Padding;

/// <summary>
/// PADMÉ length padding (Nikitin et al., "Reducing Metadata Leakage from Encrypted Files and Communication with PURBs",
/// PETS 2019, section 4): at most ~12 % overhead while the padded length leaks only O(log log L) bits.
/// </summary>
public static class Padme
{
    /// <summary>Returns the PADMÉ length for <paramref name="length"/> (≥ length).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, or the padded length would not fit in a long.</exception>
    public static long PaddedLength(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);

        // log2 of 0 and 1 is undefined or 0: nothing to hide in one bit, and the paper's formula gives L itself.
        if (length < 2)
        {
            return length;
        }

        int e = 63 - (int)long.LeadingZeroCount(length);         // floor(log2 L)
        int s = 31 - int.LeadingZeroCount(e) + 1;             // floor(log2 E) + 1
        int lastBits = e - s;
        long bitMask = (1L << lastBits) - 1;
        if (length > long.MaxValue - bitMask)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "The padded length does not fit in a 64-bit length.");
        }

        return (length + bitMask) & ~bitMask;
    }
}
