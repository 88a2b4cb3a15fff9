using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.ReviewerConsole.Commands.Age;

/// <summary>
/// Placed last among the -i identities, it matches nothing but notes whether the header was passphrase-protected,
/// so that "no identity matched" can come with the right hint (omit -i) instead of a misleading one.
/// </summary>
internal sealed class StanzaTypeRecorder : IIdentity
{
    public bool SawScrypt { get; private set; }

    public FileKey? Unwrap(IReadOnlyList<Stanza> stanzas)
    {
        SawScrypt |= stanzas.Any(stanza => stanza.Type == ScryptRecipient.StanzaType);
        return null;
    }
}
