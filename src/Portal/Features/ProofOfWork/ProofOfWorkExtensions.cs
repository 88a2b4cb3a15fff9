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
            .Validate(o => o.UploadsPerStep >= 1 && o.ReplayCacheCapacity >= 1 && o.SizeStepBytes >= 1 && o.SessionsPerStep >= 1,
                "Portal:ProofOfWork limits must be positive.");
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
        builder.Services.AddSingleton<UploadPrice>();
        return builder;
    }

    /// <summary>GET /pow/challenge: a fresh signed challenge at the current difficulty.</summary>
    public static WebApplication MapProofOfWork(this WebApplication app)
    {
        app.MapGroup("/pow").MapGet("/challenge", IssueChallenge);
        return app;
    }

    /// <summary>
    /// GET /pow/challenge?size=N: priced for an upload of N bytes (docs/PORTAL.md#proof-of-work); without size, for
    /// one of up to <see cref="ProofOfWorkOptions.SizeStepBytes"/>. A size that is not a canonical positive decimal
    /// within the upload limit is 400.
    /// </summary>
    internal static IResult IssueChallenge(
        HttpContext context, ProofOfWorkAuthority authority, UploadPrice price, IOptions<ProofOfWorkOptions> options,
        IOptions<Store.StoreOptions> store)
    {
        long size = 1;
        if (context.Request.Query.TryGetValue("size", out var values))
        {
            string? text = values.Count == 1 ? values[0] : null;
            bool canonical = text is { Length: > 0 and <= 19 } && text[0] != '0' && text.All(char.IsAsciiDigit);
            if (!canonical || !long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size)
                || size > store.Value.MaxUploadBytes)
            {
                return Upload.ApiProblems.Status(StatusCodes.Status400BadRequest);
            }
        }

        string token = authority.Issue(price.BitsFor(size), TimeSpan.FromSeconds(options.Value.LifetimeSeconds));
        var challenge = ChallengeToken.Parse(token);
        return TypedResults.Ok(new ChallengeResponse(token, challenge.DifficultyBits, challenge.ExpiresAt.ToUnixTimeSeconds()));
    }

    private static ProofOfWorkOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<ProofOfWorkOptions>>().Value;
}
