using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age.AsciiArmor;
using WhistleSubmit.Crypto.Age.Format;
using WhistleSubmit.Crypto.Age.Payload;
using WhistleSubmit.Crypto.Age.Primitives;

namespace WhistleSubmit.Crypto.Age;

/// <summary>
/// age v1 encryption and decryption (spec "Encrypted file format"), streaming in constant memory.
/// Untrusted input fails with <see cref="AgeException"/>; misuse with <see cref="ArgumentException"/>.
/// </summary>
public static class AgeEncryption
{
    /// <summary>Test switch: forces the BouncyCastle ChaCha20-Poly1305 on the calling thread.</summary>
    internal static bool UseBouncyCastlePayloadCipher
    {
        get => Aead.ForceBouncyCastle;
        set => Aead.ForceBouncyCastle = value;
    }

    /// <summary>
    /// Writes the header to <paramref name="output"/> and returns a write-only stream for the plaintext.
    /// Disposing it writes the final chunk (and the armor footer). Recipients must all carry the same labels.
    /// </summary>
    public static Stream Encrypt(Stream output, IReadOnlyList<IRecipient> recipients, bool armor = false, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ValidateRecipients(recipients);
        if (!output.CanWrite)
        {
            throw new ArgumentException("The output stream is not writable.", nameof(output));
        }

        using FileKey fileKey = FileKey.Generate();
        var stanzas = new List<Stanza>();
        foreach (IRecipient recipient in recipients)
        {
            stanzas.AddRange(recipient.Wrap(fileKey));
        }

        byte[] header = HeaderWriter.Write(stanzas, fileKey);
        byte[] nonce = RandomNumberGenerator.GetBytes(PayloadKey.NonceSize);
        byte[] payloadKey = PayloadKey.Derive(fileKey, nonce);
        try
        {
            Stream sink = armor ? new ArmorWriteStream(output, leaveOpen) : output;
            sink.Write(header);
            sink.Write(nonce);

            // The armor stream owns the output's lifetime when present.
            return new PayloadEncryptStream(sink, payloadKey, leaveOpen: !armor && leaveOpen);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payloadKey);
        }
    }

    /// <summary>Encrypts a whole buffer.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, IReadOnlyList<IRecipient> recipients, bool armor = false)
    {
        using var buffer = new MemoryStream();
        using (Stream encryptor = Encrypt(buffer, recipients, armor, leaveOpen: true))
        {
            encryptor.Write(plaintext);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Reads and authenticates the header (detecting ASCII armor), then returns a read-only plaintext stream.
    /// Header, MAC and no-match failures throw here; payload failures throw from Read, after the authenticated
    /// chunks before them.
    /// </summary>
    public static Stream Decrypt(Stream input, IReadOnlyList<IIdentity> identities, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        ValidateIdentities(identities);
        if (!input.CanRead)
        {
            throw new ArgumentException("The input stream is not readable.", nameof(input));
        }

        Stream source = OpenSource(input, leaveOpen);
        try
        {
            (Header header, byte[] leftover) = HeaderReader.Read(source);
            using FileKey fileKey = UnwrapFileKey(header, identities);
            if (!HeaderMac.Verify(fileKey, header))
            {
                throw new AgeException(AgeErrorKind.Hmac, "The header MAC does not verify.");
            }

            var payload = new PrefixedReadStream(leftover, source, leaveOpen: false);
            byte[] nonce = new byte[PayloadKey.NonceSize];
            if (payload.ReadAtLeast(nonce, nonce.Length, throwOnEndOfStream: false) != nonce.Length)
            {
                throw new AgeException(AgeErrorKind.Header, "The file ends before the payload nonce.");
            }

            byte[] payloadKey = PayloadKey.Derive(fileKey, nonce);
            try
            {
                return new PayloadDecryptStream(payload, payloadKey, leaveOpen: false);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(payloadKey);
            }
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads a binary (not armored) file's header with the same strict parser as <see cref="Decrypt(Stream, IReadOnlyList{IIdentity}, bool)"/>,
    /// without any key, like <c>age inspect</c>: for checks that hold no identity. Reads at most the header limit
    /// (128 KiB) plus one block; the stream is left where that reading stopped.
    /// </summary>
    /// <exception cref="AgeException">Kind <see cref="AgeErrorKind.Header"/>: not a well-formed v1 header.</exception>
    public static AgeHeaderInfo Inspect(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        (Header header, _) = HeaderReader.Read(input);
        return new AgeHeaderInfo { Version = Header.Version, StanzaTypes = [.. header.Stanzas.Select(s => s.Type)], HeaderLength = header.Length };
    }

    /// <summary>Decrypts a whole buffer; no plaintext is returned unless all of it authenticates.</summary>
    public static byte[] Decrypt(ReadOnlySpan<byte> ciphertext, IReadOnlyList<IIdentity> identities)
    {
        using var input = new MemoryStream(ciphertext.ToArray(), writable: false);
        using Stream plaintext = Decrypt(input, identities);
        using var output = new MemoryStream();
        try
        {
            plaintext.CopyTo(output);
            return output.ToArray();
        }
        finally
        {
            // Wipe our working copy, also when a later chunk fails: only the returned array may hold plaintext.
            CryptographicOperations.ZeroMemory(output.GetBuffer());
        }
    }

    private static Stream OpenSource(Stream input, bool leaveOpen)
    {
        byte[] sniff = new byte[ArmorFormat.SniffLength];
        int n = input.ReadAtLeast(sniff, sniff.Length, throwOnEndOfStream: false);
        Array.Resize(ref sniff, n);
        var replay = new PrefixedReadStream(sniff, input, leaveOpen);
        return ArmorFormat.LooksBinary(sniff) ? replay : new ArmorReadStream(replay, leaveOpen: false);
    }

    private static FileKey UnwrapFileKey(Header header, IReadOnlyList<IIdentity> identities)
    {
        // Spec "The scrypt recipient type": enforced here too, whatever identities the caller passed.
        if (header.Stanzas.Count != 1 && header.Stanzas.Any(s => s.Type == ScryptRecipient.StanzaType))
        {
            throw new AgeException(AgeErrorKind.Header, "An scrypt stanza must be the only stanza.");
        }

        foreach (IIdentity identity in identities)
        {
            FileKey? fileKey = identity.Unwrap(header.Stanzas);
            if (fileKey is not null)
            {
                return fileKey;
            }
        }

        throw new AgeException(AgeErrorKind.NoMatch, "No identity matched any of the file's recipients.");
    }

    private static void ValidateRecipients(IReadOnlyList<IRecipient> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients.Count == 0)
        {
            throw new ArgumentException("At least one recipient is required.", nameof(recipients));
        }

        if (recipients.Any(r => r is null))
        {
            throw new ArgumentException("Recipients must not be null.", nameof(recipients));
        }

        IReadOnlySet<string> first = recipients[0].Labels;
        if (recipients.Any(r => !r.Labels.SetEquals(first)))
        {
            throw new ArgumentException(
                "These recipients cannot be mixed (post-quantum with classic, or a passphrase with anything).",
                nameof(recipients));
        }
    }

    private static void ValidateIdentities(IReadOnlyList<IIdentity> identities)
    {
        ArgumentNullException.ThrowIfNull(identities);
        if (identities.Count == 0)
        {
            throw new ArgumentException("At least one identity is required.", nameof(identities));
        }

        if (identities.Any(i => i is null))
        {
            throw new ArgumentException("Identities must not be null.", nameof(identities));
        }
    }
}
