using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Portal.Configuration.Recipients;

/// <summary>The recipients of every submission, loaded once at startup.</summary>
public sealed class ReviewerKeys
{
    public ReviewerKeys(IReadOnlyList<ReviewerKey> keys, bool isDemo)
    {
        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one reviewer key is required.", nameof(keys));
        }

        Keys = keys;
        IsDemo = isDemo;
        Recipients = [.. keys.Select(k => k.Key)];
    }

    public IReadOnlyList<ReviewerKey> Keys { get; }

    /// <summary>True when the only key is the demo identity this portal created: every page then says so.</summary>
    public bool IsDemo { get; }

    public IReadOnlyList<IRecipient> Recipients { get; }
}
