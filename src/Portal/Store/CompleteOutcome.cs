namespace WhistleSubmit.Portal.Store;

/// <summary>What <see cref="SourceStore.CompleteUpload"/> did.</summary>
public enum CompleteOutcome
{
    /// <summary>The item is on disk; the receipt is its id (201).</summary>
    Stored,

    /// <summary>No such upload, or it expired (404).</summary>
    UnknownUpload,

    /// <summary>Not all bytes have arrived (409).</summary>
    Incomplete,

    /// <summary>The bytes are not an age file for the configured recipients; the upload was removed (422).</summary>
    NotAgeFile,
}
