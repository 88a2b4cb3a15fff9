namespace WhistleSubmit.Crypto.Tests.Interop;

/// <summary>Plaintext sizes around the 64 KiB STREAM chunk boundaries (age spec "Payload"), up to a few MiB.</summary>
internal static class InteropSizes
{
    public const int Chunk = 64 * 1024;

    public static readonly int[] All = [0, 1, Chunk - 1, Chunk, Chunk + 1, (3 * 1024 * 1024) + 17];

    public static readonly int[] Small = [0, 1, Chunk + 1];
}
