using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Transfer.Sessions;

/// <summary>
/// Server-side sessions of the transfer interface, in memory: a restart logs everyone out (the pages say so). The
/// cookie carries 256 random bits; only their SHA-256 is kept. A session ends after <see cref="TransferOptions.SessionIdleMinutes"/>
/// unused, <see cref="TransferOptions.SessionAbsoluteHours"/> after login, at logout, or when its account changes.
/// </summary>
public sealed class ReviewerSessions(TransferStore store, TransferOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ReviewerSession> sessions = new(StringComparer.Ordinal);

    /// <summary>Opens a session and returns the cookie value that names it.</summary>
    public (string CookieValue, ReviewerSession Session) Open(ReviewerAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        Sweep();
        string id = Base64Url(RandomNumberGenerator.GetBytes(32));
        var session = new ReviewerSession(Hash(id), account.Name, account.Stamp, account.MustChangePassword, time.GetUtcNow());
        sessions[session.IdHash] = session;
        return (id, session);
    }

    /// <summary>The live session this cookie names, touched; null if there is none (any more).</summary>
    public ReviewerSession? Find(string? cookieValue)
    {
        if (cookieValue is not { Length: 43 } || !sessions.TryGetValue(Hash(cookieValue), out var session))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (now - session.LastSeen >= TimeSpan.FromMinutes(options.SessionIdleMinutes)
            || now - session.Created >= TimeSpan.FromHours(options.SessionAbsoluteHours)
            || store.FindReviewer(session.Account)?.Stamp != session.Stamp)
        {
            sessions.TryRemove(session.IdHash, out _);
            return null;
        }

        session.LastSeen = now;
        return session;
    }

    public void Close(ReviewerSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        sessions.TryRemove(session.IdHash, out _);
    }

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (key, session) in sessions)
        {
            if (now - session.LastSeen >= TimeSpan.FromMinutes(options.SessionIdleMinutes)
                || now - session.Created >= TimeSpan.FromHours(options.SessionAbsoluteHours))
            {
                sessions.TryRemove(key, out _);
            }
        }
    }

    private static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(id)));

    internal static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
