using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace WhistleSubmit.Portal.Features.NoScript;

/// <summary>
/// Flood resistance for forms that post without JavaScript, where proof of work cannot run: each form carries a
/// ticket signed (and encrypted) by the server with a random nonce and the time it was issued. A ticket is accepted
/// once, only after a few seconds and before it expires. It identifies nobody: it holds no address and no cookie link.
/// </summary>
public sealed class FormTokens
{
    private const int NonceLength = 16;

    private readonly IDataProtector protector;
    private readonly TimeProvider time;
    private readonly NoJsOptions options;
    private readonly ConcurrentDictionary<string, long> spent = new(StringComparer.Ordinal);

    public FormTokens(IDataProtectionProvider provider, TimeProvider time, IOptions<NoJsOptions> options)
    {
        protector = provider.CreateProtector("WhistleSubmit.Portal.NoJs.FormToken.v1");
        this.time = time;
        this.options = options.Value;
    }

    public string Issue()
    {
        byte[] payload = new byte[NonceLength + sizeof(long)];
        RandomNumberGenerator.Fill(payload.AsSpan(0, NonceLength));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(NonceLength), time.GetUtcNow().ToUnixTimeMilliseconds());
        return WebEncoders.Base64UrlEncode(protector.Protect(payload));
    }

    /// <summary>Checks a ticket and, if it is valid, spends it (a second use is <see cref="FormTokenCheck.Reused"/>).</summary>
    /// <param name="token">The ticket as the form sent it.</param>
    /// <param name="spendWhenTooSoon">
    /// Also spend a ticket sent too soon: for a page that shows the form again with a new ticket, so one early ticket
    /// cannot be replayed to have the whole form read again and again.
    /// </param>
    public FormTokenCheck Spend(string? token, bool spendWhenTooSoon = false) => Check(token, spendWhenTooSoon, spend: true);

    /// <summary>
    /// What <see cref="Spend"/> would answer now, without spending: a post is checked before it may wait for one of the
    /// few no-JS slots, and spends its ticket only once it holds one (a "busy" answer leaves the ticket usable).
    /// </summary>
    public FormTokenCheck Peek(string? token, bool spendWhenTooSoon = false) => Check(token, spendWhenTooSoon, spend: false);

    private FormTokenCheck Check(string? token, bool spendWhenTooSoon, bool spend)
    {
        if (!TryOpen(token, out string nonce, out long issuedMs))
        {
            return FormTokenCheck.Invalid;
        }

        long nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        long ageMs = nowMs - issuedMs;
        bool tooSoon = ageMs < options.FormTokenMinAgeSeconds * 1000L;
        if (tooSoon && !spendWhenTooSoon)
        {
            return FormTokenCheck.TooSoon;
        }

        long expiresMs = issuedMs + (options.FormTokenLifetimeSeconds * 1000L);
        if (nowMs > expiresMs)
        {
            return FormTokenCheck.Expired;
        }

        if (spent.Count >= options.FormTokenReplayCapacity)
        {
            // Expired tickets are refused by their time anyway, so forgetting them is safe.
            foreach (var (key, expiry) in spent)
            {
                if (expiry < nowMs)
                {
                    spent.TryRemove(key, out _);
                }
            }

            if (spent.Count >= options.FormTokenReplayCapacity)
            {
                return FormTokenCheck.Busy;
            }
        }

        bool fresh = spend ? spent.TryAdd(nonce, expiresMs) : !spent.ContainsKey(nonce);
        return !fresh ? FormTokenCheck.Reused
            : tooSoon ? FormTokenCheck.TooSoon
            : FormTokenCheck.Valid;
    }

    private bool TryOpen(string? token, out string nonce, out long issuedMs)
    {
        nonce = string.Empty;
        issuedMs = 0;
        if (string.IsNullOrEmpty(token) || token.Length > 512)
        {
            return false;
        }

        try
        {
            byte[] payload = protector.Unprotect(WebEncoders.Base64UrlDecode(token));
            if (payload.Length != NonceLength + sizeof(long))
            {
                return false;
            }

            nonce = Convert.ToHexStringLower(payload.AsSpan(0, NonceLength));
            issuedMs = BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(NonceLength));
            return true;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }
}
