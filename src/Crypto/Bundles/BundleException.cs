namespace WhistleSubmit.Crypto.Bundles;

/// <summary>
/// The one exception for a bundle that is malformed, over its limits, or whose items do not match the manifest.
/// The message is fixed and generic: it never carries ids, names or bytes of the input.
/// </summary>
public sealed class BundleException : Exception
{
    /// <summary>Creates the exception with the generic message.</summary>
    public BundleException()
        : base("The bundle is malformed.")
    {
    }
}
