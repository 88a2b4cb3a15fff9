namespace WhistleSubmit.Crypto.Tar;

/// <summary>Carries a failure of the stream under a <see cref="TarInput"/> out through TarReader, to be rethrown as is.</summary>
internal sealed class TarSourceException(Exception inner) : Exception("The input stream failed.", inner);
