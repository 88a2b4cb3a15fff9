namespace WhistleSubmit.Crypto.Tar;

/// <summary>One checked regular-file entry: its name, data length, data offset in the archive and data stream.</summary>
internal sealed record StrictTarEntry(string Name, long Length, long DataOffset, Stream Data);
