namespace WhistleSubmit.Portal.Configuration.Team;

/// <summary>
/// Decides at startup which team key recipient sets must be signed by: team.pub; or, outside production and only when
/// there is none, the demo team key. Production without team.pub is an error, never a demo.
/// </summary>
public static class PortalTeamKeyLoader
{
    /// <exception cref="PortalStartupException">The configuration cannot work.</exception>
    public static PortalTeamKey Load(PortalOptions options, TimeProvider time)
    {
        DataDirectory.Ensure(options.DataDirectoryFullPath);
        if (File.Exists(options.TeamPublicKeyFile))
        {
            return new PortalTeamKey(TeamPublicKeyFile.Read(options.TeamPublicKeyFile), isDemo: false);
        }

        if (options.Production)
        {
            throw new PortalStartupException(
                $"production mode and no team public key at {options.TeamPublicKeyFile}.",
                TeamPublicKeyFile.Hint + " (Without --production the portal runs as a demo with a team key it creates itself.)");
        }

        using var demo = DemoTeamKey.LoadOrCreate(options.DemoTeamKeyFile, time);
        return new PortalTeamKey(demo.PublicKey, isDemo: true);
    }
}
