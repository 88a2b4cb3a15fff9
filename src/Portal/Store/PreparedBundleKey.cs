namespace WhistleSubmit.Portal.Store;

/// <summary>
/// How to read a bundle the transfer pages prepared: the age secret key it is encrypted to on disk, and the length of
/// the bundle inside. Kept in the store with its pending export and deleted with it (issue 14).
/// </summary>
public sealed record PreparedBundleKey(string SecretKey, long Length);
