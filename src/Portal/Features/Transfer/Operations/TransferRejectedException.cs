namespace WhistleSubmit.Portal.Features.Transfer.Operations;

/// <summary>Untrusted input (a bundle or receipt) that was refused before anything was stored or deleted.</summary>
public sealed class TransferRejectedException : Exception
{
    public TransferRejectedException(TransferProblem problem)
        : base($"Refused: {problem}.")
    {
        Problem = problem;
    }

    public TransferProblem Problem { get; }
}
