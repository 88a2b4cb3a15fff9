using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Portal.Configuration.Recipients;

/// <summary>
/// The recipients of every submission, loaded once at startup from the verified signed recipient set: the landing
/// page, the no-JavaScript path and /api/config (which serves <see cref="Envelope"/> for the browser to verify again)
/// all use this one set.
/// </summary>
public sealed class ReviewerKeys
{
    public ReviewerKeys(IReadOnlyList<ReviewerKey> keys, bool isDemo, string envelope, DateOnly issued)
    {
        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one reviewer key is required.", nameof(keys));
        }

        Keys = keys;
        IsDemo = isDemo;
        Envelope = envelope;
        Issued = issued;
        Recipients = [.. keys.Select(k => k.Key)];
    }

    public IReadOnlyList<ReviewerKey> Keys { get; }

    /// <summary>True when the only key is the demo identity this portal created: every page then says so.</summary>
    public bool IsDemo { get; }

    /// <summary>The signed recipient set (envelope JSON text) the keys were verified from, as the browser gets it.</summary>
    public string Envelope { get; }

    /// <summary>The day the set was signed.</summary>
    public DateOnly Issued { get; }

    public IReadOnlyList<IRecipient> Recipients { get; }
}
