using System.Text.Json.Serialization;

namespace WhistleSubmit.ReviewerConsole.Vault;

/// <summary>Argon2id parameters (RFC 9106) as stored in vault.json.</summary>
internal sealed record KdfParameters(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("memoryKiB")] int MemoryKiB,
    [property: JsonPropertyName("iterations")] int Iterations,
    [property: JsonPropertyName("parallelism")] int Parallelism,
    [property: JsonPropertyName("salt")] string Salt)
{
    public const string Argon2id = "argon2id";

    /// <summary>The OWASP password storage floor for Argon2id: 19 MiB (with t=2; we never go below t=3 by default).</summary>
    public const int MinMemoryMiB = 19;

    /// <summary>Default: 256 MiB, 3 passes, 2 lanes (RFC 9106's second recommendation, with more memory).</summary>
    public const int DefaultMemoryMiB = 256;

    public const int DefaultIterations = 3;
    public const int DefaultParallelism = 2;
    public const int SaltSize = 16;

    // Upper bounds keep a hand-edited vault.json from making every unlock take minutes or all memory.
    public const int MaxMemoryMiB = 4096;
    private const int MaxIterations = 64;
    private const int MaxParallelism = 16;

    public bool IsValid() =>
        Name == Argon2id
        && MemoryKiB >= MinMemoryMiB * 1024 && MemoryKiB <= MaxMemoryMiB * 1024
        && Iterations is >= 1 and <= MaxIterations
        && Parallelism is >= 1 and <= MaxParallelism
        && VaultFile.IsBase64(Salt, SaltSize);
}
