namespace WhistleSubmit.Crypto.Tar;

/// <summary>Malformed tar found by our own checks; readers turn it into their domain exception.</summary>
internal sealed class TarFormatException() : Exception("Malformed archive.");
