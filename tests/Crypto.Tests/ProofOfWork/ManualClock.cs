namespace WhistleSubmit.Crypto.Tests.ProofOfWork;

/// <summary>A clock the tests move by hand, so expiry and load windows are exact.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset now = new(2025, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
