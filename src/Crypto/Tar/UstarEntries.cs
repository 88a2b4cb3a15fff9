using System.Formats.Tar;

namespace WhistleSubmit.Crypto.Tar;

/// <summary>Builds the only kind of entry our formats write: a ustar regular file with neutral metadata.</summary>
internal static class UstarEntries
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>A regular-file entry. The time is the Unix epoch and owners are empty: tar metadata must not date or identify anyone.</summary>
    internal static UstarTarEntry RegularFile(string name, Stream data) => new(TarEntryType.RegularFile, name)
    {
        ModificationTime = DateTimeOffset.UnixEpoch,
        Mode = FileMode,
        Uid = 0,
        Gid = 0,
        UserName = string.Empty,
        GroupName = string.Empty,
        DataStream = data,
    };
}
