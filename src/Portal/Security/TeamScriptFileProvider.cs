using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using WhistleSubmit.Portal.Configuration.Team;

namespace WhistleSubmit.Portal.Security;

/// <summary>
/// Puts js/team.js (made from the configured team key, never a file in wwwroot) in front of the web root, so the static
/// files middleware serves it exactly as the bundle's scripts: same content type, same headers, same listener rules.
/// </summary>
public sealed class TeamScriptFileProvider : IFileProvider
{
    private readonly IFileProvider webRoot;
    private readonly IFileInfo script;

    public TeamScriptFileProvider(PortalTeamKey team, IFileProvider webRoot)
    {
        ArgumentNullException.ThrowIfNull(team);
        this.webRoot = webRoot;
        script = new MemoryFileInfo(PortalTeamKey.ScriptName, team.Script);
    }

    public IFileInfo GetFileInfo(string subpath) =>
        subpath.TrimStart('/') == "js/" + PortalTeamKey.ScriptName ? script : webRoot.GetFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => webRoot.GetDirectoryContents(subpath);

    public IChangeToken Watch(string filter) => webRoot.Watch(filter);

    private sealed class MemoryFileInfo(string name, ReadOnlyMemory<byte> bytes) : IFileInfo
    {
        public bool Exists => true;

        public long Length => bytes.Length;

        public string? PhysicalPath => null;

        public string Name => name;

        // Never sent: the static files options strip Last-Modified and ETag.
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(bytes.ToArray(), writable: false);
    }
}
