namespace WhistleSubmit.Portal.Features.SourceStore;

public static class SourceStoreExtensions
{
    /// <summary>The no-JS pages' view of the store (after AddPortalStore).</summary>
    public static WebApplicationBuilder AddSourceStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ISourceStore, PortalStoreSourceStore>();
        return builder;
    }
}
