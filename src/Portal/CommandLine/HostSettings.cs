using System.Reflection;
using WhistleSubmit.Portal.Configuration;
using WhistleSubmit.Portal.Features.NoScript;
using WhistleSubmit.Portal.Features.ProofOfWork;
using WhistleSubmit.Portal.Features.Transfer;
using WhistleSubmit.Portal.Features.Transfer.Retention;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.CommandLine;

/// <summary>
/// The <c>--key=value</c> arguments that reach ASP.NET's configuration unparsed: the host's own three settings (which
/// WebApplicationFactory also passes) and the portal's settings by their full name (<c>--Portal:NoJs:MaxFiles=4</c>).
/// A key must name a real setting: a typo such as <c>--Portal:Prodution=true</c> would otherwise be ignored and start
/// a demo portal. Nothing else passes: not Kestrel endpoints, <c>urls</c> or <c>webroot</c> (the portal listens on
/// loopback only and checks its own web root), and no empty value for a setting (<c>--production=</c>).
/// </summary>
internal static class HostSettings
{
    private static readonly string[] HostKeys = ["environment", "contentRoot", "applicationName"];

    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [PortalOptions.Section] = typeof(PortalOptions),
        [StoreOptions.Section] = typeof(StoreOptions),
        [ProofOfWorkOptions.Section] = typeof(ProofOfWorkOptions),
        [NoJsOptions.Section] = typeof(NoJsOptions),
        [RetentionOptions.Section] = typeof(RetentionOptions),
        [TransferOptions.Section] = typeof(TransferOptions),
    };

    /// <summary>Looks like a <c>--key=value</c> setting rather than an option or a verb.</summary>
    public static bool IsSetting(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) > 2;

    /// <summary>Null when <paramref name="arg"/> may go to the server; otherwise why not.</summary>
    public static string? Refusal(string arg)
    {
        int equals = arg.IndexOf('=', StringComparison.Ordinal);
        string key = arg[2..equals];
        bool empty = equals == arg.Length - 1;
        if (HostKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
        {
            return empty ? $"'{arg}' needs a value" : null;
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
