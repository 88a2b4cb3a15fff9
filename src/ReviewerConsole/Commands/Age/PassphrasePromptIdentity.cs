using WhistleSubmit.Crypto.Age;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Commands.Age;

/// <summary>
/// An identity that asks for a passphrase only when the header actually holds an <c>scrypt</c> stanza, then
/// delegates to <see cref="ScryptIdentity"/> (as age's LazyScryptIdentity does). Files encrypted to keys never
/// cause a prompt, and the caller can tell "wrong passphrase" from "not passphrase-protected".
/// </summary>
internal sealed class PassphrasePromptIdentity(string prompt) : IIdentity
{
    /// <summary>True once the user was asked (the file is passphrase-protected).</summary>
    public bool Prompted { get; private set; }

    public FileKey? Unwrap(IReadOnlyList<Stanza> stanzas)
    {
        if (!stanzas.Any(stanza => stanza.Type == ScryptRecipient.StanzaType))
        {
            return null;
        }

        Prompted = true;
        byte[] passphrase = PassphrasePrompt.Read(prompt);
        try
        {
            using var scrypt = new ScryptIdentity(passphrase);
            return scrypt.Unwrap(stanzas);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(passphrase);
        }
    }
}
