using System.Text.Unicode;

namespace WhistleSubmit.ReviewerConsole.Shared;

/// <summary>
/// An attachment's type from its first bytes (magic numbers), never from its name: a file called "photo.jpg" that is
/// really a program shows as what it is. Reviewers see the label; the console never opens the file.
/// </summary>
internal static class FileTypeSniffer
{
    /// <summary>How many leading bytes <see cref="Detect"/> looks at.</summary>
    public const int PrefixLength = 4096;

    private static readonly (byte[] Magic, int Offset, string Type, string Label)[] Signatures =
    [
        ("%PDF-"u8.ToArray(), 0, "application/pdf", "PDF document"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0, "image/png", "PNG image"),
        ([0xFF, 0xD8, 0xFF], 0, "image/jpeg", "JPEG image"),
        ("GIF87a"u8.ToArray(), 0, "image/gif", "GIF image"),
        ("GIF89a"u8.ToArray(), 0, "image/gif", "GIF image"),
        ("II*\0"u8.ToArray(), 0, "image/tiff", "TIFF image"),
        ("MM\0*"u8.ToArray(), 0, "image/tiff", "TIFF image"),
        ("PK\u0003\u0004"u8.ToArray(), 0, "application/zip", "ZIP archive (also Word/Excel/OpenDocument files)"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], 0, "application/x-ole-storage", "legacy Office document (OLE)"),
        ([0x1F, 0x8B], 0, "application/gzip", "gzip archive"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], 0, "application/x-7z-compressed", "7-Zip archive"),
        ("Rar!\u001A\u0007"u8.ToArray(), 0, "application/vnd.rar", "RAR archive"),
        ("{\\rtf"u8.ToArray(), 0, "application/rtf", "RTF document"),
        ("OggS"u8.ToArray(), 0, "audio/ogg", "Ogg audio/video"),
        ("ID3"u8.ToArray(), 0, "audio/mpeg", "MP3 audio"),
        ("fLaC"u8.ToArray(), 0, "audio/flac", "FLAC audio"),
        ([0x1A, 0x45, 0xDF, 0xA3], 0, "video/webm", "WebM/Matroska video"),
        ("ftyp"u8.ToArray(), 4, "video/mp4", "MP4/QuickTime video or HEIC image"),
        ([0x7F, 0x45, 0x4C, 0x46], 0, "application/x-executable", "Linux program (ELF) — do not run"),
        ("MZ"u8.ToArray(), 0, "application/x-msdownload", "Windows program (EXE/DLL) — do not run"),
        ([0xCF, 0xFA, 0xED, 0xFE], 0, "application/x-mach-binary", "macOS program — do not run"),
    ];

    /// <summary>What an exported file's name ends with when its extension and its bytes disagree.</summary>
    public const string SafeExtension = ".bin";

    // The extensions a type may keep on export. Programs, scripts and markup (.exe, .desktop, .html, .svg, .js, …)
    // are never listed: text/plain may be any of them, and a desktop would run or render them on a double-click.
    private static readonly Dictionary<string, string[]> Extensions = new(StringComparer.Ordinal)
    {
        ["application/pdf"] = [".pdf"],
        ["image/png"] = [".png"],
        ["image/jpeg"] = [".jpg", ".jpeg"],
        ["image/gif"] = [".gif"],
        ["image/tiff"] = [".tif", ".tiff"],
        ["image/webp"] = [".webp"],
        ["application/zip"] = [".zip", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"],
        ["application/x-ole-storage"] = [".doc", ".xls", ".ppt", ".msg"],
        ["application/gzip"] = [".gz", ".tgz"],
        ["application/x-7z-compressed"] = [".7z"],
        ["application/vnd.rar"] = [".rar"],
        ["application/rtf"] = [".rtf"],
        ["audio/ogg"] = [".ogg", ".oga", ".ogv", ".opus"],
        ["audio/mpeg"] = [".mp3"],
        ["audio/flac"] = [".flac"],
        ["audio/wav"] = [".wav"],
        ["video/webm"] = [".webm", ".mkv"],
        ["video/mp4"] = [".mp4", ".m4a", ".m4v", ".mov", ".heic", ".heif"],
        ["video/x-msvideo"] = [".avi"],
        ["text/plain"] = [".txt", ".text", ".md", ".csv", ".log"],
        ["application/octet-stream"] = [SafeExtension],
    };

    /// <summary>
    /// The name to export a file under: <paramref name="name"/> itself when it has no extension or one that
    /// <paramref name="type"/> (from <see cref="Detect"/>) agrees with, otherwise <paramref name="name"/> +
    /// <see cref="SafeExtension"/>, so "invoice.pdf.desktop" holding text becomes "invoice.pdf.desktop.bin".
    /// </summary>
    public static string ExportName(string name, string type)
    {
        string extension = Path.GetExtension(name);
        if (extension.Length == 0)
        {
            return name;
        }

        return Extensions.TryGetValue(type, out string[]? allowed) && allowed.Contains(extension.ToLowerInvariant(), StringComparer.Ordinal)
            ? name
            : name + SafeExtension;
    }

    public static (string Type, string Label) Detect(ReadOnlySpan<byte> prefix, long size)
    {
        if (size == 0)
        {
            return ("application/x-empty", "empty file");
        }

        foreach (var (magic, offset, type, label) in Signatures)
        {
            if (magic.Length > 0 && prefix.Length >= offset + magic.Length && prefix.Slice(offset, magic.Length).SequenceEqual(magic))
            {
                return (type, label);
            }
        }

        if (prefix.Length >= 12 && prefix[..4].SequenceEqual("RIFF"u8))
        {
            return prefix.Slice(8, 4) switch
            {
                var f when f.SequenceEqual("WEBP"u8) => ("image/webp", "WebP image"),
                var f when f.SequenceEqual("WAVE"u8) => ("audio/wav", "WAV audio"),
                var f when f.SequenceEqual("AVI "u8) => ("video/x-msvideo", "AVI video"),
                _ => ("application/octet-stream", "RIFF data"),
            };
        }

        return LooksLikeText(prefix, size) ? ("text/plain", "text") : ("application/octet-stream", "unknown binary data");
    }

    // UTF-8 without NULs or control characters other than whitespace; a multi-byte character cut at the end of the
    // prefix is fine.
    private static bool LooksLikeText(ReadOnlySpan<byte> prefix, long size)
    {
        ReadOnlySpan<byte> sample = prefix;
        if (size > prefix.Length)
        {
            int cut = sample.Length;
            while (cut > 0 && cut > sample.Length - 4 && (sample[cut - 1] & 0xC0) == 0x80)
            {
                cut--;
            }

            if (cut > 0 && sample[cut - 1] >= 0xC0)
            {
                cut--;
            }

            sample = sample[..cut];
        }

        if (!Utf8.IsValid(sample))
        {
            return false;
        }

        foreach (byte b in sample)
        {
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C))
            {
                return false;
            }
        }

        return true;
    }
}
