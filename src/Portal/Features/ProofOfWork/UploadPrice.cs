using Microsoft.Extensions.Options;
using WhistleSubmit.Crypto.ProofOfWork;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.ProofOfWork;

/// <summary>
/// The proof of work an upload costs, so that what an attacker takes costs it in proportion: one bit (twice the work)
/// per doubling of the declared size above <see cref="ProofOfWorkOptions.SizeStepBytes"/>, one per doubling of the
/// uploads created in the last minute (<see cref="ProofOfWorkDifficultyPolicy"/>, counted at create, not at completion),
/// and one per doubling of the active unfinished uploads above <see cref="ProofOfWorkOptions.SessionsPerStep"/>, capped at
/// <see cref="ProofOfWorkOptions.MaxBits"/>. The load terms are priced when the challenge is issued; the size term is
/// checked again when the upload is created, so a cheap challenge cannot buy a large upload.
/// </summary>
public sealed class UploadPrice(ProofOfWorkDifficultyPolicy load, IOptions<ProofOfWorkOptions> options, SourceStore store)
{
    private ProofOfWorkOptions Options => options.Value;

    public int SizeBits(long size) => size <= Options.SizeStepBytes ? 0
        : (int)Math.Ceiling(Math.Log2((double)size / Options.SizeStepBytes));

    public int SessionBits() => (int)Math.Floor(Math.Log2(1 + ((double)store.ActiveUploads / Options.SessionsPerStep)));

    /// <summary>The difficulty of a challenge for an upload of size bytes, now.</summary>
    public int BitsFor(long size) => Math.Min(Options.MaxBits, load.CurrentBits + SizeBits(size) + SessionBits());

    /// <summary>The least difficulty a challenge must have to create an upload of size bytes.</summary>
    public int MinimumFor(long size) => Math.Min(Options.MaxBits, Options.BaseBits + SizeBits(size));
}
