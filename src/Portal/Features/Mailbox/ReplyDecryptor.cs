using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Crypto.Replies;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Mailbox;

/// <summary>
/// The portal's one and only decryption (invariant 5 allows exactly this class, and a test pins it): reviewers'
/// replies, opened in memory with the source's REPLY identity, derived from the codename the source just typed.
/// It takes <see cref="SourceKeys"/>, not an identity, so no caller can hand it a reviewer key.
/// Anyone can encrypt to the reply recipient (it is in the stored report), so what decrypts is shown only if it is a
/// version 2 reply signed with the team key for this very mailbox (<see cref="SignedReply"/>); anything else is shown
/// as a warning, never as text: the same rule as the browser's mailbox.js. Case statuses and consent requests
/// (issue 18, 19) travel and verify the same way, each as its own signed-document type.
/// </summary>
public static class ReplyDecryptor
{
    public static IReadOnlyList<ReplyView> Open(SourceKeys keys, IReadOnlyList<StoredReply> replies, TeamPublicKey team)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(team);
        IIdentity[] identities = [keys.ReplyIdentity];
        var views = new List<ReplyView>(replies.Count);
        foreach (var reply in replies)
        {
            byte[] plaintext;
            try
            {
                plaintext = AgeEncryption.Decrypt(reply.Ciphertext, identities);
            }
            catch (AgeException)
            {
                views.Add(new ReplyView(reply.Day, null, ReplyState.Unreadable));
                continue;
            }

            views.Add(Verify(reply.Day, plaintext, team, keys.MailboxId));
        }

        return views;
    }

    /// <summary>
    /// The newest verified case status among <paramref name="views"/>: the latest signed day, then the highest
    /// sequence number. An older status the portal serves again (or keeps) cannot win over a newer one it also holds;
    /// one it withholds it can (the portal may drop, SECURITY.md says so).
    /// </summary>
    public static ReplyView? NewestStatus(IEnumerable<ReplyView> views) =>
        views.Where(v => v.State == ReplyState.Verified && v.Kind == MailboxItemKind.Status)
            .OrderByDescending(v => v.Day, StringComparer.Ordinal).ThenByDescending(v => v.Seq).FirstOrDefault();

    // The day shown is the signed one: the server's is only when it stored the reply. The envelope's type says which
    // kind of item it is; each kind is opened by its own strict reader, so a wrong type just moves on to the next.
    private static ReplyView Verify(string storedDay, byte[] plaintext, TeamPublicKey team, string mailboxId)
    {
        try
        {
            SignedReply reply = SignedReply.Open(plaintext, team, mailboxId);
            return new ReplyView(reply.Day, reply.Text, ReplyState.Verified) { Id = reply.Id };
        }
        catch (SignatureException e) when (e.Reason == SignatureFailure.WrongType)
        {
        }
        catch (Exception e) when (e is SignatureException or FormatException)
        {
            return new ReplyView(storedDay, null, ReplyState.Unverified);
        }

        try
        {
            SignedCaseStatus status = SignedCaseStatus.Open(plaintext, team, mailboxId);
            return new ReplyView(status.Day, null, ReplyState.Verified)
            {
                Kind = MailboxItemKind.Status, Id = status.Id, Status = status.Status, ReferredTo = status.ReferredTo, Seq = status.Seq,
            };
        }
        catch (SignatureException e) when (e.Reason == SignatureFailure.WrongType)
        {
        }
        catch (Exception e) when (e is SignatureException or FormatException)
        {
            return new ReplyView(storedDay, null, ReplyState.Unverified);
        }

        try
        {
            SignedConsentRequest request = SignedConsentRequest.Open(plaintext, team, mailboxId);
            return new ReplyView(request.Day, null, ReplyState.Verified) { Kind = MailboxItemKind.ConsentRequest, Id = request.Id, Destinations = request.Destinations };
        }
        catch (Exception e) when (e is SignatureException or FormatException)
        {
            return new ReplyView(storedDay, null, ReplyState.Unverified);
        }
    }
}
