using Microsoft.Extensions.Options;
using WhistleSubmit.Crypto.ProofOfWork;

namespace WhistleSubmit.Portal.Features.ProofOfWork;

public static class ProofOfWorkExtensions
{
    /// <summary>The challenge authority (key in memory only), its replay cache and the load-driven difficulty.</summary>
    public static WebApplicationBuilder AddProofOfWork(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProofOfWorkOptions>()
            .BindConfiguration(ProofOfWorkOptions.Section)
            .Validate(o => o.BaseBits >= 1 && o.MaxBits >= o.BaseBits && o.MaxBits <= ProofOfWorkChallenge.MaxDifficultyBits,
                "Portal:ProofOfWork bits must satisfy 1 <= BaseBits <= MaxBits <= 40.")
            .Validate(o => o.LifetimeSeconds >= 10 && o.LifetimeSeconds <= ProofOfWorkChallenge.MaxLifetime.TotalSeconds,
                "Portal:ProofOfWork:LifetimeSeconds must be between 10 and 3600.")
            .Validate(o => o.UploadsPerStep >= 1 && o.ReplayCacheCapacity >= 1, "Portal:ProofOfWork limits must be positive.");
        builder.Services.AddSingleton(services => new ProofOfWorkReplayCache(
            Options(services).ReplayCacheCapacity, services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(services => ProofOfWorkAuthority.CreateWithRandomKey(
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ProofOfWorkReplayCache>()));
        builder.Services.AddSingleton(services =>
        {
            var options = Options(services);
            return new ProofOfWorkDifficultyPolicy(
                options.BaseBits, options.MaxBits, options.UploadsPerStep, services.GetRequiredService<TimeProvider>());
        });
        return builder;
    }

    /// <summary>GET /pow/challenge: a fresh signed challenge at the current difficulty.</summary>
    public static WebApplication MapProofOfWork(this WebApplication app)
    {
        app.MapGroup("/pow").MapGet("/challenge", IssueChallenge);
        return app;
    }

    internal static Microsoft.AspNetCore.Http.HttpResults.Ok<ChallengeResponse> IssueChallenge(
        ProofOfWorkAuthority authority, ProofOfWorkDifficultyPolicy policy, IOptions<ProofOfWorkOptions> options)
    {
        string token = authority.Issue(policy.CurrentBits, TimeSpan.FromSeconds(options.Value.LifetimeSeconds));
        var challenge = ChallengeToken.Parse(token);
        return TypedResults.Ok(new ChallengeResponse(token, challenge.DifficultyBits, challenge.ExpiresAt.ToUnixTimeSeconds()));
    }

    private static ProofOfWorkOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<ProofOfWorkOptions>>().Value;
}
