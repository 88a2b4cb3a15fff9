using System.Text;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Mailbox;

/// <summary>
/// The portal's one and only decryption (invariant 5 allows exactly this class, and a test pins it): reviewers'
/// replies, opened in memory with the source's REPLY identity, derived from the codename the source just typed.
/// It takes <see cref="SourceKeys"/>, not an identity, so no caller can hand it a reviewer key.
/// </summary>
public static class ReplyDecryptor
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly ContainerLimits ReplyLimits = new() { MaxAttachments = 100, MaxTotalBytes = 64L << 20, MaxAttachmentBytes = 64L << 20 };

    public static IReadOnlyList<ReplyView> Open(SourceKeys keys, IReadOnlyList<StoredReply> replies)
    {
        ArgumentNullException.ThrowIfNull(keys);
        IIdentity[] identities = [keys.ReplyIdentity];
        var views = new List<ReplyView>(replies.Count);
        foreach (var reply in replies)
        {
            try
            {
                views.Add(Read(reply.Day, AgeEncryption.Decrypt(reply.Ciphertext, identities)));
            }
            catch (AgeException)
            {
                views.Add(new ReplyView(reply.Day, null, []));
            }
        }

        return views;
    }

    /// <summary>A reply is a follow-up container (message.json and files) or, failing that, plain UTF-8 text.</summary>
    private static ReplyView Read(string day, byte[] plaintext)
    {
        try
        {
            using var input = new MemoryStream(plaintext, writable: false);
            var contents = SubmissionReader.Read(input, static (_, _) => { }, ReplyLimits);
            if (contents.Message is { } message)
            {
                return new ReplyView(day, message.Text, [.. message.Attachments.Select(a => a.Name)]);
            }
        }
        catch (ContainerException)
        {
            // Not a container: plain text below.
        }

        try
        {
            return new ReplyView(day, StrictUtf8.GetString(plaintext), []);
        }
        catch (DecoderFallbackException)
        {
            return new ReplyView(day, null, []);
        }
    }
}
