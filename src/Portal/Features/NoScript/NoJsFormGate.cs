using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using WhistleSubmit.Portal.Configuration;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.NoScript;

/// <summary>
/// The start of every no-JS multipart post: opens the streamed reader and checks the two tokens the page puts first
/// (antiforgery, then the single-use ticket) before a single file byte is read, and only then takes one of the few post
/// slots and reserves the post's disk space. Antiforgery is checked through its header so that ASP.NET never reads (and
/// buffers to disk) the form itself.
/// </summary>
public sealed class NoJsFormGate
{
    private readonly FormTokens tickets;
    private readonly IAntiforgery antiforgery;
    private readonly IOptions<AntiforgeryOptions> antiforgeryOptions;
    private readonly IOptions<NoJsOptions> options;
    private readonly IOptions<StoreOptions> store;
    private readonly SemaphoreSlim posts;
    private readonly Lock space = new();

    // Disk space promised to the posts now running (spool, then store), under space.
    private long reservedBytes;

    public NoJsFormGate(
        FormTokens tickets,
        IAntiforgery antiforgery,
        IOptions<AntiforgeryOptions> antiforgeryOptions,
        IOptions<NoJsOptions> options,
        IOptions<PortalOptions> portal,
        IOptions<StoreOptions> store)
    {
        this.store = store;
        posts = new SemaphoreSlim(options.Value.PostsAtOnce, options.Value.PostsAtOnce);
        this.tickets = tickets;
        this.antiforgery = antiforgery;
        this.antiforgeryOptions = antiforgeryOptions;
        this.options = options;
        SpoolDirectory = Path.Combine(portal.Value.DataDirectoryFullPath, "spool");

        // Created once, before the first form is read. Files a crash left behind are ciphertext under keys that died
        // with that process: unreadable, so only taking space.
        if (Directory.Exists(SpoolDirectory))
        {
            foreach (string leftover in Directory.EnumerateFiles(SpoolDirectory))
            {
                File.Delete(leftover);
            }
        }
    }

    public NoJsOptions Limits => options.Value;

    /// <summary>Where spooled (encrypted) attachments wait for the rest of the form: inside the data directory.</summary>
    public string SpoolDirectory { get; }

    public async Task<StreamedFormReader> OpenAsync(HttpContext context)
    {
        var (reader, tooSoon) = await OpenCoreAsync(context, allowTooSoon: false);
        return tooSoon ? throw new FormRejectedException(FormProblem.TooSoon) : reader;
    }

    /// <summary>
    /// Like <see cref="OpenAsync"/>, but a ticket sent too soon is reported instead of refused, so that the page can
    /// read what was typed and show the form again with it (nothing is stored in that case).
    /// </summary>
    public Task<(StreamedFormReader Reader, bool TooSoon)> OpenAllowingTooSoonAsync(HttpContext context) =>
        OpenCoreAsync(context, allowTooSoon: true);

    // A too-soon ticket is spent only when the page shows the form again with a new one (allowTooSoon); the report
    // form keeps it, so going back and sending later still works.
    private async Task<(StreamedFormReader Reader, bool TooSoon)> OpenCoreAsync(HttpContext context, bool allowTooSoon)
    {
        // Both tokens first, from the first few hundred bytes of the body (nothing is spooled before them): a post
        // without a valid ticket never waits for, let alone takes, one of the few slots below.
        var reader = StreamedFormReader.Open(context, Limits, SpoolDirectory);
        string header = antiforgeryOptions.Value.HeaderName
            ?? throw new InvalidOperationException("Antiforgery must accept its token in a header for streamed forms.");
        context.Request.Headers[header] = await reader.ReadLeadingFieldAsync(ReportFields.Antiforgery, 1024);
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            throw new FormRejectedException(FormProblem.BadToken);
        }

        string? ticket = await reader.ReadLeadingFieldAsync(ReportFields.FormToken, 512);
        Refuse(tickets.Peek(ticket, spendWhenTooSoon: allowTooSoon));

        // A few posts at a time, held until the response is done: each may spool up to 2 GiB and encrypts in memory,
        // and tickets cost nothing to collect, so this (not the ticket) is what bounds a flood of posts.
        if (!await posts.WaitAsync(TimeSpan.FromSeconds(10), context.RequestAborted))
        {
            throw new FormRejectedException(FormProblem.Busy);
        }

        var slot = new PostSlot(this);
        context.Response.RegisterForDispose(slot);

        // The spool and then the store each hold the attachments once: refuse before a byte is spooled rather than
        // fill the disk half-way (without a length, assume the largest form). The space is reserved until the response
        // is done, so posts running together cannot each count the same free space.
        long body = context.Request.ContentLength ?? Limits.MaxTotalBytes;
        slot.Reserve(2 * Math.Min(body, Limits.MaxTotalBytes + (1L << 20)));

        // Spent only now: a post refused as busy or for space leaves its ticket usable (go back, send again later).
        var check = tickets.Spend(ticket, spendWhenTooSoon: allowTooSoon);
        Refuse(check);
        return (reader, check == FormTokenCheck.TooSoon);
    }

    private static void Refuse(FormTokenCheck check)
    {
        FormProblem? problem = check switch
        {
            FormTokenCheck.Valid or FormTokenCheck.TooSoon => null,
            FormTokenCheck.Expired => FormProblem.Expired,
            FormTokenCheck.Reused => FormProblem.Reused,
            FormTokenCheck.Busy => FormProblem.Busy,
            _ => FormProblem.BadToken,
        };
        if (problem is not null)
        {
            throw new FormRejectedException(problem.Value);
        }
    }

    private sealed class PostSlot(NoJsFormGate gate) : IDisposable
    {
        private long reserved;

        public void Reserve(long bytes)
        {
            lock (gate.space)
            {
                DataDirectory.Ensure(gate.SpoolDirectory);
                long free = new DriveInfo(gate.SpoolDirectory).AvailableFreeSpace;
                if (free - gate.reservedBytes - bytes < gate.store.Value.MinFreeBytes)
                {
                    throw new FormRejectedException(FormProblem.Unavailable);
                }

                gate.reservedBytes += bytes;
                reserved = bytes;
            }
        }

        public void Dispose()
        {
            lock (gate.space)
            {
                gate.reservedBytes -= reserved;
                reserved = 0;
            }

            gate.posts.Release();
        }
    }

    /// <summary>Runs a store call, turning its refusals into the page's problems.</summary>
    public static async Task<T> StoreAsync<T>(Func<Task<T>> store)
    {
        try
        {
            return await store();
        }
        catch (PortalStoreLimitException e)
        {
            throw new FormRejectedException(FormProblem.TooLarge, e);
        }
        catch (PortalStoreQuotaException e)
        {
            throw new FormRejectedException(FormProblem.Busy, e);
        }
        catch (PortalStoreFullException e)
        {
            throw new FormRejectedException(FormProblem.Unavailable, e);
        }
    }
}
