namespace WhistleSubmit.Portal.Features.Transfer.Operations;

/// <summary>Untrusted input (a bundle or receipt) that was refused before anything was stored or deleted.</summary>
public sealed class TransferRejectedException : Exception
{
    public TransferRejectedException(TransferProblem problem, string? keyFingerprint = null)
        : base($"Refused: {problem}.")
    {
        Problem = problem;
        KeyFingerprint = keyFingerprint;
    }

    public TransferProblem Problem { get; }

    /// <summary>For a document signed by another team key: that key's fingerprint, as people read it (public; names no one).</summary>
    public string? KeyFingerprint { get; }
}
