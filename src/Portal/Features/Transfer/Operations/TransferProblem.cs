namespace WhistleSubmit.Portal.Features.Transfer.Operations;

/// <summary>Why a bundle or receipt was refused. Nothing was changed in any of these cases.</summary>
public enum TransferProblem
{
    /// <summary>Not a valid bundle, or over the limits.</summary>
    NotABundle,

    /// <summary>A submissions bundle where a replies bundle was expected.</summary>
    NotReplies,

    /// <summary>Not an import receipt at all, or too large to be one.</summary>
    NotAReceipt,

    /// <summary>A well-formed version 1 receipt: unsigned, so anyone could have written it (protocol v2 deletes on signed receipts only).</summary>
    UnsignedReceipt,

    /// <summary>A signed receipt that does not verify under the portal's team key: another team key, or a bad signature.</summary>
    ForeignReceipt,

    /// <summary>A replies bundle whose manifest is not a signed document (version 1, from before protocol v2).</summary>
    UnsignedReplies,

    /// <summary>A replies bundle whose signed manifest does not verify under the portal's team key.</summary>
    ForeignReplies,

    /// <summary>A well-formed receipt for a bundle that no pending export has.</summary>
    UnknownExport,
}
