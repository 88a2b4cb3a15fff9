using System.Reflection;
using WhistleSubmit.Portal.Configuration;
using WhistleSubmit.Portal.Features.NoScript;
using WhistleSubmit.Portal.Features.ProofOfWork;
using WhistleSubmit.Portal.Features.Transfer;
using WhistleSubmit.Portal.Features.Transfer.Retention;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.CommandLine;

/// <summary>
/// The <c>--key=value</c> arguments that reach ASP.NET's configuration unparsed: the host's own settings (which
/// WebApplicationFactory also passes this way, ASPNETCORE_* variables included) and the portal's settings by their full
/// name (<c>--Portal:NoJs:MaxFiles=4</c>). A key under <c>Portal</c> must name a real setting, with a value: a typo such
/// as <c>--Portal:Prodution=true</c> would otherwise be ignored and start a demo portal. Refused outright: anything that
/// adds or moves a listener or the web root (<c>urls</c>, <c>webroot</c>, <c>Kestrel</c>, ports), and hosting startup
/// assemblies. The portal's own options (<c>--production=true</c>) are left to the parser, which wants a value.
/// </summary>
internal static class HostSettings
{
    private static readonly string[] OptionNames = ["production", "data", "port", "transfer-port"];

    private static readonly string[] Refused =
        ["urls", "webroot", "http_ports", "https_ports", "hostingStartupAssemblies", "hostingStartupExcludeAssemblies", "preventHostingStartup"];

    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [PortalOptions.Section] = typeof(PortalOptions),
        [StoreOptions.Section] = typeof(StoreOptions),
        [ProofOfWorkOptions.Section] = typeof(ProofOfWorkOptions),
        [NoJsOptions.Section] = typeof(NoJsOptions),
        [RetentionOptions.Section] = typeof(RetentionOptions),
        [TransferOptions.Section] = typeof(TransferOptions),
    };

    private const string ContentRootKey = "contentRoot";

    /// <summary>
    /// The content root a <c>--contentRoot=DIR</c> setting names (the last one wins, as in ASP.NET's configuration), full
    /// path; null without one. Honoured, not ignored: the program's own directory is only the default.
    /// </summary>
    public static string? ContentRoot(IEnumerable<string> args) => args
        .Where(a => IsSetting(a) && a[2..a.IndexOf('=', StringComparison.Ordinal)].Equals(ContentRootKey, StringComparison.OrdinalIgnoreCase))
        .Select(a => Path.GetFullPath(a[(a.IndexOf('=', StringComparison.Ordinal) + 1)..]))
        .LastOrDefault();

    /// <summary>Looks like a <c>--key=value</c> setting rather than an option or a verb.</summary>
    public static bool IsSetting(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is > 2 and var equals
        && !OptionNames.Contains(arg[2..equals], StringComparer.OrdinalIgnoreCase);

    /// <summary>Null when <paramref name="arg"/> may go to the server; otherwise why not.</summary>
    public static string? Refusal(string arg)
    {
        int equals = arg.IndexOf('=', StringComparison.Ordinal);
        string key = arg[2..equals];
        bool empty = equals == arg.Length - 1;
        if (Refused.Contains(key, StringComparer.OrdinalIgnoreCase) || key.StartsWith("Kestrel", StringComparison.OrdinalIgnoreCase))
        {
            return $"'{arg}': the portal listens on loopback only and serves its own web root; this cannot be set";
        }

        if (key.Equals(ContentRootKey, StringComparison.OrdinalIgnoreCase))
        {
            return empty || !Directory.Exists(arg[(equals + 1)..])
                ? $"'{arg}': the content root must be an existing directory (it holds appsettings.json and wwwroot; without this setting, the program's own directory)"
                : null;
        }

        if (!key.StartsWith(PortalOptions.Section, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // A bare section ("--Portal=", "--Portal:NoJs="): WebApplicationFactory passes its settings' parents so.
        if (Sections.ContainsKey(key))
        {
            return empty ? null : $"'{key}' is a section, not a setting";
        }

        int last = key.LastIndexOf(':');
        bool known = last > 0 && Sections.TryGetValue(key[..last], out var type) && IsSetting(type, key[(last + 1)..]);
        return !known ? $"'{arg}' names no setting of the portal"
            : empty ? $"'{arg}' needs a value"
            : null;
    }

    private static bool IsSetting(Type options, string name) =>
        options.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { CanWrite: true };
}
