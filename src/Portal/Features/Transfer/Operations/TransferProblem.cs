namespace WhistleSubmit.Portal.Features.Transfer.Operations;

/// <summary>Why a bundle or receipt was refused. Nothing was changed in any of these cases.</summary>
public enum TransferProblem
{
    /// <summary>Not a valid bundle, or over the limits.</summary>
    NotABundle,

    /// <summary>A submissions bundle where a replies bundle was expected.</summary>
    NotReplies,

    /// <summary>Not a valid version 1 import receipt, or too large to be one.</summary>
    NotAReceipt,

    /// <summary>A well-formed receipt for a bundle that no pending export has.</summary>
    UnknownExport,
}
