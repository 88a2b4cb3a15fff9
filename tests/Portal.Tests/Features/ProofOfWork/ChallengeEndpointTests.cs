using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WhistleSubmit.Crypto.ProofOfWork;
using WhistleSubmit.Portal.Features.ProofOfWork;

namespace WhistleSubmit.Portal.Tests.Features.ProofOfWork;

public class ChallengeEndpointTests
{
    private PortalFactory factory = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new PortalFactory(new Dictionary<string, string> { ["Portal:ProofOfWork:BaseBits"] = "6", ["Portal:ProofOfWork:MaxBits"] = "10" });
        client = factory.CreatePlainClient(factory.Start());
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        factory.Dispose();
    }

    [Test]
    public async Task GetChallenge_Quiet_ReturnsSignedTokenAtBaseDifficulty()
    {
        var body = await client.GetFromJsonAsync<ChallengeResponse>(new Uri("/pow/challenge", UriKind.Relative));

        Assert.That(body, Is.Not.Null);
        var challenge = ChallengeToken.Parse(body!.Token);
        Assert.That(body.DifficultyBits, Is.EqualTo(6).And.EqualTo(challenge.DifficultyBits));
        Assert.That(body.ExpiresAt, Is.EqualTo(challenge.ExpiresAt.ToUnixTimeSeconds()));
        Assert.That(challenge.ExpiresAt - challenge.IssuedAt, Is.EqualTo(TimeSpan.FromMinutes(10)));
    }

    [Test]
    public async Task GetChallenge_SolvedOnce_AcceptedThenReplayed()
    {
        var body = await client.GetFromJsonAsync<ChallengeResponse>(new Uri("/pow/challenge", UriKind.Relative));
        string nonce = ProofOfWorkSolver.Solve(body!.Token);
        var authority = factory.Services.GetRequiredService<ProofOfWorkAuthority>();

        Assert.That(authority.Verify(body.Token, nonce), Is.EqualTo(ProofOfWorkVerdict.Accepted));
        Assert.That(authority.Verify(body.Token, nonce), Is.EqualTo(ProofOfWorkVerdict.Replayed));
    }

    [Test]
    public async Task GetChallenge_UnderLoad_DifficultyRises()
    {
        var policy = factory.Services.GetRequiredService<ProofOfWorkDifficultyPolicy>();
        for (int i = 0; i < policy.UploadsPerStep; i++)
        {
            policy.RecordAccepted();
        }

        var body = await client.GetFromJsonAsync<ChallengeResponse>(new Uri("/pow/challenge", UriKind.Relative));

        Assert.That(body!.DifficultyBits, Is.EqualTo(7));
    }
}
