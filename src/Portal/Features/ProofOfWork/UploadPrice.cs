using Microsoft.Extensions.Options;
using WhistleSubmit.Crypto.ProofOfWork;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.ProofOfWork;

/// <summary>
/// The proof of work an upload costs, so that what an attacker takes costs it in proportion: one bit (twice the work)
/// per doubling of the declared size above <see cref="ProofOfWorkOptions.SizeStepBytes"/>, one per doubling of the
/// uploads created in the last minute (<see cref="ProofOfWorkDifficultyPolicy"/>, counted at create, not at completion),
/// and one per doubling of the unfinished uploads held (active or idle, until they age out:
/// <see cref="StoreOptions.UploadAbandonedSeconds"/>) above <see cref="ProofOfWorkOptions.SessionsPerStep"/>, capped at
/// <see cref="ProofOfWorkOptions.MaxBits"/>. The whole price is checked again when the upload is created: a challenge
/// priced for a smaller upload is refused (403), and one more than <see cref="LoadSlackBits"/> below the current price
/// (collected while the portal was quiet, or overtaken by a flood while being solved) is refused with 503, which the
/// browser answers with a fresh challenge.
/// </summary>
public sealed class UploadPrice(ProofOfWorkDifficultyPolicy load, IOptions<ProofOfWorkOptions> options, SourceStore store)
{
    private ProofOfWorkOptions Options => options.Value;

    public int SizeBits(long size) => size <= Options.SizeStepBytes ? 0
        : (int)Math.Ceiling(Math.Log2((double)size / Options.SizeStepBytes));

    /// <summary>How far below the current price a challenge may be at create: the load may rise while a source solves.</summary>
    public const int LoadSlackBits = 1;

    public int SessionBits() => (int)Math.Floor(Math.Log2(1 + ((double)store.PendingUploads / Options.SessionsPerStep)));

    /// <summary>The difficulty of a challenge for an upload of size bytes, now.</summary>
    public int BitsFor(long size) => Math.Min(Options.MaxBits, load.CurrentBits + SizeBits(size) + SessionBits());

    /// <summary>The least difficulty a challenge must have to create an upload of size bytes.</summary>
    public int MinimumFor(long size) => Math.Min(Options.MaxBits, Options.BaseBits + SizeBits(size));

    /// <summary>Whether a challenge of bits (at least <see cref="MinimumFor"/>) still pays for size bytes under the load now.</summary>
    public bool CoversLoad(int bits, long size) => bits >= BitsFor(size) - LoadSlackBits;
}
