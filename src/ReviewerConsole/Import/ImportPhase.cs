namespace WhistleSubmit.ReviewerConsole.Import;

/// <summary>The two long passes of an import, for progress by bytes.</summary>
internal enum ImportPhase
{
    /// <summary>The whole bundle is read and verified (new items are copied to staging); nothing is decrypted yet.</summary>
    Checking,

    /// <summary>The new items are decrypted and checked; the bytes are their ciphertext.</summary>
    Decrypting,
}
