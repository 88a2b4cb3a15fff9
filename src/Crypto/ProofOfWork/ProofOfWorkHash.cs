using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace WhistleSubmit.Crypto.ProofOfWork;

/// <summary>The work function shared by the verifier and the solver: leading zero bits of SHA-256(token || nonce).</summary>
internal static class ProofOfWorkHash
{
    public static int LeadingZeroBits(ReadOnlySpan<byte> tokenBytes, ulong nonce)
    {
        Span<byte> input = stackalloc byte[ChallengeToken.ByteLength + sizeof(ulong)];
        tokenBytes.CopyTo(input);
        BinaryPrimitives.WriteUInt64BigEndian(input[ChallengeToken.ByteLength..], nonce);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input, hash);
        return CountLeadingZeroBits(hash);
    }

    internal static int CountLeadingZeroBits(ReadOnlySpan<byte> hash)
    {
        int bits = 0;
        foreach (byte b in hash)
        {
            if (b != 0)
            {
                return bits + BitOperations.LeadingZeroCount((uint)b) - 24;
            }

            bits += 8;
        }

        return bits;
    }
}
