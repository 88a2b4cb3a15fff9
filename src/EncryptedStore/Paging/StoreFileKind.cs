namespace WhistleSubmit.EncryptedStore.Paging;

/// <summary>Which file of a store a page stream holds; bound into every page's associated data.</summary>
public enum StoreFileKind
{
    /// <summary>LiteDB's data file.</summary>
    Data = 1,

    /// <summary>LiteDB's write-ahead log.</summary>
    Log = 2,

    /// <summary>Sort spill space: ephemeral key, never synced.</summary>
    Temp = 3,
}
