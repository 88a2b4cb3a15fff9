namespace WhistleSubmit.Portal.Features.SourceStore;

/// <summary>The store refused an operation; nothing was stored. The message is generic.</summary>
public sealed class SourceStoreException : Exception
{
    public SourceStoreException(SourceStoreProblem problem, Exception? inner = null)
        : base("The store refused the operation.", inner)
    {
        Problem = problem;
    }

    public SourceStoreProblem Problem { get; }
}
