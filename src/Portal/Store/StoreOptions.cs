using WhistleSubmit.Crypto.Padding;

namespace WhistleSubmit.Portal.Store;

/// <summary>The "Portal:Store" settings: sizes and quotas of the store and of resumable uploads.</summary>
public sealed class StoreOptions
{
    public const string Section = "Portal:Store";

    /// <summary>Every chunk but the last is exactly this long (docs/PORTAL.md#upload-api); also the most one request body may carry.</summary>
    public const int ChunkSize = 4 * 1024 * 1024;

    /// <summary>
    /// The largest ciphertext accepted: 2 GiB of files plus tar headers, padded with PADMÉ, plus age's 16-byte tag per
    /// 64 KiB payload chunk and a header of up to 1 MiB.
    /// </summary>
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes(2L << 30);

    /// <summary>Everything stored and reserved by unfinished uploads together; over it, new uploads get 503.</summary>
    public long GlobalQuotaBytes { get; set; } = 200L << 30;

    /// <summary>Free disk space that must remain after an upload's worst case (its bytes written twice: log, then data).</summary>
    public long MinFreeBytes { get; set; } = 256L << 20;

    /// <summary>Unfinished uploads one mailbox may have at once (429 beyond).</summary>
    public int MaxPendingUploadsPerMailbox { get; set; } = 4;

    /// <summary>Bytes one mailbox may have waiting for export, unfinished uploads included (429 beyond).</summary>
    public long MaxUnexportedBytesPerMailbox { get; set; } = 8L << 30;

    /// <summary>
    /// Whole UTC days an unfinished upload is kept after the day it started: one started on day D is removed at the end
    /// of day D + this (with 1, between 24 and 48 hours). Day boundaries, so that the store holds a UTC day and never a
    /// time (SECURITY.md#what-a-seized-portal-reveals).
    /// </summary>
    public int UploadLifetimeDays { get; set; } = 1;

    /// <summary>How often the expiry service looks for abandoned uploads.</summary>
    public int ExpirySweepSeconds { get; set; } = 60;

    /// <summary>The longest one chunk's body may take to arrive; a slower client gets 408 and nothing is kept.</summary>
    public int ChunkReadTimeoutSeconds { get; set; } = 600;

    /// <summary>Chunk bodies buffered in memory at once (each up to 4 MiB): bounds memory under many slow clients.</summary>
    public int MaxConcurrentChunkBodies { get; set; } = 32;

    /// <summary>
    /// What an active upload reserves beyond the bytes it has received (its declared size if smaller): declaring a
    /// large size without sending reserves no more than this. A chunk that arrives needs only room for itself.
    /// </summary>
    public long ReservationWindowBytes { get; set; } = 64L << 20;

    /// <summary>An upload that sent no chunk for this long is idle: it keeps what it received but no window.</summary>
    public int UploadIdleSeconds { get; set; } = 300;

    /// <summary>
    /// An upload that stored no chunk for this long is removed with its chunks at the next sweep, whatever it holds
    /// (one that never received a byte goes once idle): the browser retries a failed request for a few minutes, then
    /// starts a new upload, so nothing older can be resumed. Unfinished uploads age out instead of piling up.
    /// </summary>
    public int UploadAbandonedSeconds { get; set; } = 1800;

    /// <summary>
    /// Unfinished uploads in the whole store: bounds the in-memory table and the work per request. At the limit a new
    /// upload takes the place of the one idle longest; only when every one is active is it refused (503).
    /// </summary>
    public int MaxPendingUploads { get; set; } = 10_000;

    /// <summary>
    /// The slowest a chunk body may arrive after a 10 s grace (bytes per second; 408 below): a slower client holds a
    /// 4 MiB buffer for no reason. 8 KiB/s sends a chunk in under 9 minutes, slower than any working Tor circuit.
    /// </summary>
    public int MinChunkBytesPerSecond { get; set; } = 8 * 1024;

    /// <summary>The largest reply accepted by import-replies: replies are short messages, fetched whole by a browser.</summary>
    public long MaxReplyBytes { get; set; } = 1L << 20;

    public static long DefaultMaxUploadBytes(long plaintextBytes)
    {
        long padded = Padme.PaddedLength(plaintextBytes + (1L << 20));
        return padded + ((padded / 65536) + 1) * 16 + (1L << 20);
    }
}
