namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>What duplicate detection needs of an item already in the vault: its plaintext hash and MinHash signature.</summary>
internal sealed record ItemSignature(string Id, string PlaintextSha256, byte[] MinHash);
