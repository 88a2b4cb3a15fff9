namespace WhistleSubmit.Portal.Store;

/// <summary>What <see cref="SourceStore.StoreChunk"/> did; the upload endpoint turns each into its status code.</summary>
public enum ChunkOutcome
{
    /// <summary>The chunk is on disk (204).</summary>
    Stored,

    /// <summary>That index was stored before with the same length: an idempotent retry (204).</summary>
    AlreadyStored,

    /// <summary>No such upload, or it expired (404).</summary>
    UnknownUpload,

    /// <summary>Not the next chunk, or a retry with a different length (409).</summary>
    OutOfOrder,

    /// <summary>The index lies past the declared size (413).</summary>
    PastEnd,
}
