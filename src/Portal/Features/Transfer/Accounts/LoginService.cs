using System.Security.Cryptography;
using WhistleSubmit.Portal.Features.Transfer.Sessions;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Transfer.Accounts;

/// <summary>
/// Password (Argon2id) and TOTP code in one step. Which factor failed is never told; an unknown name costs the same
/// Argon2 work as a known one; each code is accepted once; failures lock the account (durably, in the store) and
/// drain a global bucket. Argon2 runs one at a time, so a flood of attempts queues instead of taking memory.
/// </summary>
public sealed class LoginService(
    TransferStore store, PasswordHasher hasher, LoginThrottle throttle, ReviewerSessions sessions, TransferAudit audit, TotpReplayGuard replay,
    TimeProvider time)
{
    private static readonly TimeSpan QueueTimeout = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim oneHashAtATime = new(1, 1);
    private readonly byte[] decoySecret = RandomNumberGenerator.GetBytes(20);

    public async Task<LoginOutcome> LoginAsync(string? typedName, string? password, string? code)
    {
        string name = ReviewerNames.Normalise(typedName);

        // Refusals while throttled are not audited one by one (the lockout itself is): a flood of them would
        // otherwise be a flood of durable writes.
        if (throttle.GlobalWait() is { } globalWait)
        {
            return new LoginOutcome(null, null, globalWait);
        }

        // One attempt at a time from the lockout check to the recorded failure: a burst of concurrent attempts is
        // evaluated one after the other, so the sixth sees the lockout the fifth caused (a check outside the queue
        // let every attempt of a burst through to Argon2).
        if (!await oneHashAtATime.WaitAsync(QueueTimeout).ConfigureAwait(false))
        {
            return new LoginOutcome(null, null, TimeSpan.FromSeconds(30));
        }

        try
        {
            return Attempt(name, password, code);
        }
        finally
        {
            oneHashAtATime.Release();
        }
    }

    private LoginOutcome Attempt(string name, string? password, string? code)
    {
        var now = time.GetUtcNow();
        if (throttle.GlobalWait() is { } globalWait)
        {
            return new LoginOutcome(null, null, globalWait);
        }

        var account = ReviewerNames.IsValid(name) ? store.FindReviewer(name) : null;
        if (account?.LockedUntil > now || (account is null && throttle.UnknownNameWait(name) is not null))
        {
            return new LoginOutcome(null, null, account?.LockedUntil - now ?? throttle.UnknownNameWait(name));
        }

        bool passwordOk = hasher.Verify(account?.PasswordHash, password ?? string.Empty);

        long? step = TotpCodes.Verify(account?.TotpSecret ?? decoySecret, code?.Replace(" ", string.Empty, StringComparison.Ordinal), time.GetUtcNow());
        // The code is spent only with the right password: a wrong password must not burn the reviewer's current code.
        var use = account is not null && passwordOk && step is { } matched ? replay.TryUse(account.Name, matched, account.LastLoginDay) : (TotpUse?)null;
        bool fresh = use == TotpUse.Fresh;
        if (fresh && store.AcceptLogin(account!.Name, account.Stamp))
        {
            audit.Record(account.Name, "login");
            var (cookie, session) = sessions.Open(account);
            return new LoginOutcome(cookie, session, null);
        }

        // Right password and code, only from a step an earlier process may have accepted: the reviewer did nothing
        // wrong, so it counts as no failure (it would lock them out until midnight); they wait for the next code.
        if (use == TotpUse.BeforeStart)
        {
            audit.Record(account!.Name, "login-code-before-start");
            return LoginOutcome.CodeAlreadyUsed;
        }

        // A valid code from a step already used (a second login within 30 s, or a replay by someone who saw it).
        bool replayed = account is not null && passwordOk && step is not null && !fresh;
        throttle.RecordGlobalFailure();
        if (account is null)
        {
            throttle.RecordUnknownNameFailure(name);

            // The typed name is not recorded: it may be a mistyped password.
            audit.Record(TransferAudit.NoAccount, "login-failed", "no such account");
        }
        else
        {
            var updated = store.RecordLoginFailure(account.Name, failures => hasher.Options.LockoutAfter(failures));
            audit.Record(account.Name, replayed ? "login-replayed-code" : "login-failed");
            if (updated?.LockedUntil > now)
            {
                // No time of day: the audit log dates by the day only (issue 14).
                audit.Record(account.Name, "account-locked", $"for {(int)Math.Ceiling((updated.LockedUntil.Value - now).TotalMinutes)} min after {updated.FailedLogins} failures");
            }
        }

        return replayed ? LoginOutcome.CodeAlreadyUsed : LoginOutcome.Refused;
    }
}
