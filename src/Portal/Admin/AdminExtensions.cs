namespace WhistleSubmit.Portal.Admin;

public static class AdminExtensions
{
    /// <summary>The admin socket: verbs run inside this process while it holds the store.</summary>
    public static WebApplicationBuilder AddAdminSocket(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReviewerCommands>();
        builder.Services.AddSingleton<AdminCommands>();
        builder.Services.AddHostedService<AdminSocketServer>();
        return builder;
    }
}
