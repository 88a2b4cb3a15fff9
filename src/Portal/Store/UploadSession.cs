using System.Globalization;

namespace WhistleSubmit.Portal.Store;

/// <summary>
/// An unfinished resumable upload: which chunks have arrived and when it is removed if never finished. Expires is
/// always 00:00 UTC of a day: the store keeps that day and no time (see <see cref="StoreOptions.UploadLifetimeDays"/>).
/// </summary>
public sealed record UploadSession(string Id, ItemKind Kind, string MailboxId, long Size, int NextChunk, long Received, DateTimeOffset Expires)
{
    /// <summary>00:00 UTC of the day after the last whole day an upload started now is kept.</summary>
    public static DateTimeOffset ExpiryFor(DateTimeOffset now, int lifetimeDays) =>
        new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1 + lifetimeDays);

    /// <summary>The expiry as the store keeps it: a UTC day, yyyy-MM-dd.</summary>
    internal string ExpiryDay => Expires.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseExpiryDay(string day) =>
        new(DateTime.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);
}
