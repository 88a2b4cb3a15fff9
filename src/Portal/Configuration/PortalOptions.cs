namespace WhistleSubmit.Portal.Configuration;

/// <summary>
/// The portal's settings, bound from the "Portal" section (appsettings.json, environment variables such as
/// <c>Portal__DataDirectory</c>, or the command line: <c>--data DIR</c>, <c>--production true</c>, <c>--port N</c>).
/// </summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>
    /// Production refuses to start without reviewer recipients and never creates a key. Off by default so that
    /// <c>dotnet run</c> works at once on a fresh machine, in a loudly announced demo mode.
    /// </summary>
    public bool Production { get; set; }

    /// <summary>Where the store, its key ring and the recipients file live; relative paths start at the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The loopback port. The portal never binds to another interface: Tor reaches it on 127.0.0.1.</summary>
    public int Port { get; set; } = 5080;

    /// <summary>
    /// The reviewers' transfer interface (Features/Transfer), also on loopback only, reached through its own onion
    /// service with client authorisation. Which side a request belongs to is decided by the socket it arrived on.
    /// </summary>
    public int TransferPort { get; set; } = 5081;

    /// <summary>Connections open at once on the sources' listener (beyond it the oldest idle one is closed).</summary>
    public int SourceMaxConnections { get; set; } = 512;

    /// <summary>Connections open at once on the reviewers' listener, counted apart from the sources'.</summary>
    public int TransferMaxConnections { get; set; } = 64;

    public string DataDirectoryFullPath => Path.GetFullPath(DataDirectory);

    /// <summary>
    /// Outside production only (a demo or development setup): one age recipient per line, each optionally preceded by
    /// a <c># name</c> comment line, signed at startup by the demo team key. Production refuses it.
    /// </summary>
    public string RecipientsFile => Path.Combine(DataDirectoryFullPath, "recipients.txt");

    /// <summary>The reviewers' team public key (whistlesubmit-team-v2:…), written by the console's <c>team publish</c>.</summary>
    public string TeamPublicKeyFile => Path.Combine(DataDirectoryFullPath, "team.pub");

    /// <summary>The reviewers' recipient set signed with the team key (protocol v2), written by the console's <c>team publish</c>.</summary>
    public string SignedRecipientsFile => Path.Combine(DataDirectoryFullPath, "recipients.signed.json");

    /// <summary>The demo team signing key, created only outside production when there is no team.pub.</summary>
    public string DemoTeamKeyFile => Path.Combine(DataDirectoryFullPath, "demo-team-key.txt");

    /// <summary>The demo reviewer identity, created only outside production when no recipient is configured.</summary>
    public string DemoIdentityFile => Path.Combine(DataDirectoryFullPath, "demo-reviewer-identity.txt");
}
