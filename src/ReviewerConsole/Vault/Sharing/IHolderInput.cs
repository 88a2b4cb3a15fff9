namespace WhistleSubmit.ReviewerConsole.Vault.Sharing;

/// <summary>How the holders of a shared vault say who they are and type their passphrases, one after another.</summary>
internal interface IHolderInput
{
    /// <summary>The holders who join, given up front (--holders or WHISTLE_REVIEW_HOLDERS), or null to ask each in turn.</summary>
    IReadOnlyList<string>? GivenNames { get; }

    /// <summary>Asks the <paramref name="turn"/>-th holder (1-based) for their name.</summary>
    string ReadName(int turn, int needed, IReadOnlyList<string> choices);

    /// <summary>The passphrase of <paramref name="holder"/>, the <paramref name="turn"/>-th to join; the caller zeroes it.</summary>
    byte[] ReadPassphrase(int turn, string holder);

    /// <summary>A new passphrase for <paramref name="holder"/> (asked twice on a terminal); the caller zeroes it.</summary>
    byte[] ReadNewPassphrase(int turn, string holder, Action<byte[]> check);
}
