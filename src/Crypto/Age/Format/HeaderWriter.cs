using System.Text;

namespace WhistleSubmit.Crypto.Age.Format;

/// <summary>Serialises a v1 header (spec "Header", "Recipient stanza", "Header MAC").</summary>
internal static class HeaderWriter
{
    public const string VersionLine = Header.Version + "\n";

    /// <summary>Returns the full header, MAC line included.</summary>
    public static byte[] Write(IReadOnlyList<Stanza> stanzas, FileKey fileKey)
    {
        var sb = new StringBuilder(VersionLine);
        foreach (Stanza stanza in stanzas)
        {
            AppendStanza(sb, stanza);
        }

        sb.Append("---");
        byte[] macInput = Encoding.ASCII.GetBytes(sb.ToString());
        byte[] mac = HeaderMac.Compute(fileKey, macInput);
        sb.Append(' ').Append(Base64Canonical.Encode(mac)).Append('\n');
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    private static void AppendStanza(StringBuilder sb, Stanza stanza)
    {
        // Recipients come from callers and plugins: refuse what the reader would refuse rather than write it.
        if (!IsValidArgument(stanza.Type) || stanza.Args.Any(a => !IsValidArgument(a)))
        {
            throw new ArgumentException("A recipient produced a stanza argument that is empty or not printable ASCII.");
        }

        sb.Append("-> ").Append(stanza.Type);
        foreach (string arg in stanza.Args)
        {
            sb.Append(' ').Append(arg);
        }

        sb.Append('\n');
        string body = Base64Canonical.Encode(stanza.Body.Span);
        int i = 0;
        for (; body.Length - i >= HeaderLimits.ColumnsPerLine; i += HeaderLimits.ColumnsPerLine)
        {
            sb.Append(body, i, HeaderLimits.ColumnsPerLine).Append('\n');
        }

        // Always end with a short (possibly empty) line: that is what marks the end of the body.
        sb.Append(body, i, body.Length - i).Append('\n');
    }

    internal static bool IsValidArgument(string? arg)
    {
        if (string.IsNullOrEmpty(arg))
        {
            return false;
        }

        foreach (char c in arg)
        {
            if (c < 33 || c > 126)
            {
                return false;
            }
        }

        return true;
    }
}
