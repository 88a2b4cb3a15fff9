namespace WhistleSubmit.Portal.Store;

/// <summary>
/// One line of the transfer interface's audit log: who (a reviewer name, or "-" for none) did what, when (00:00 UTC of
/// the day: no time of day, issue 14), with counts and ids. Hash chains it to the entry before, so an edited or removed entry shows.
/// Never a password, code, session id, address or user agent.
/// </summary>
public sealed record AuditEntry(long Sequence, DateTimeOffset Time, string Account, string Action, string Detail, string Hash);
