using System.Globalization;
using System.Text;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Register;

/// <summary>
/// <c>incident import --csv FILE</c>: public-record incidents in bulk (docs/CONSOLE.md#importing-public-records).
/// RFC 4180 CSV in UTF-8 (a BOM is allowed), this exact header, one incident per row; every row is checked before any
/// is stored, and all are stored in one transaction or none. Every error names its line and column.
/// </summary>
internal static class IncidentCsv
{
    public const long MaxBytes = 16 * 1024 * 1024;
    public const int MaxRows = 50_000;
    public const int MaxField = 4_000;

    public static IReadOnlyList<string> Header { get; } =
        ["month", "state", "field_office", "facility", "force", "injuries", "deaths", "citizens_detained", "categories", "summary", "citation_kind", "citation"];

    /// <summary>Reads, checks and stores every row; returns the incidents stored.</summary>
    public static IReadOnlyList<IncidentRecord> Import(VaultSession vault, string path)
    {
        byte[] bytes = Read(path);
        string name = Path.GetFileName(path);
        List<IncidentRecord> incidents = Parse(bytes, name, vault.Now(), vault.Clock.GetUtcNow());
        if (incidents.Count == 0)
        {
            throw new CliException($"{name} has no rows after its header; nothing was imported");
        }

        vault.Write(data =>
        {
            foreach (IncidentRecord incident in incidents)
            {
                data.InsertIncident(incident);
                AuditLog.Append(data, vault.Actor, vault.Now(), RegisterAuditActions.Create, null, null, IncidentService.Describe(incident));
            }

            AuditLog.Append(data, vault.Actor, vault.Now(), RegisterAuditActions.Import, null, null,
                string.Create(CultureInfo.InvariantCulture, $"{incidents.Count} public-record incidents from {TerminalText.Line(name, 80)}"));
        });
        return incidents;
    }

    /// <summary>Every row as a checked public-record incident; throws a <see cref="CliException"/> at the first bad line and column.</summary>
    internal static List<IncidentRecord> Parse(byte[] bytes, string name, string now, DateTimeOffset clock)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            int line = 1 + bytes.AsSpan(0, Math.Min(bytes.Length, ex.Index < 0 ? 0 : ex.Index)).Count((byte)'\n');
            throw Error(name, line, null, "is not valid UTF-8; save the file as UTF-8");
        }

        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var incidents = new List<IncidentRecord>();
        bool header = true;
        foreach ((int line, List<(string Value, int Line)> fields) in Records(text, name))
        {
            if (header)
            {
                header = false;
                if (!fields.Select(f => f.Value).SequenceEqual(Header, StringComparer.Ordinal))
                {
                    int column = Enumerable.Range(0, Math.Max(fields.Count, Header.Count))
                        .First(i => i >= fields.Count || i >= Header.Count || fields[i].Value != Header[i]);
                    throw Error(name, line, column + 1, $"the header must be exactly: {string.Join(",", Header)}");
                }

                continue;
            }

            if (fields.Count != Header.Count)
            {
                throw Error(name, line, Math.Min(fields.Count, Header.Count) + 1,
                    string.Create(CultureInfo.InvariantCulture, $"the row has {fields.Count} columns; it needs {Header.Count}"));
            }

            if (incidents.Count == MaxRows)
            {
                throw Error(name, line, null, $"more than {MaxRows:N0} rows; split the file");
            }

            incidents.Add(Row(fields, name, now, clock));
        }

        return incidents;
    }

    private static IncidentRecord Row(List<(string Value, int Line)> f, string name, string now, DateTimeOffset clock)
    {
        var input = new IncidentInput
        {
            Month = f[0].Value,
            State = f[1].Value,
            FieldOffice = f[2].Value,
            Facility = f[3].Value,
            Force = f[4].Value,
            Injuries = f[5].Value,
            Deaths = f[6].Value,
            CitizensDetained = f[7].Value,
            Categories = f[8].Value.Length == 0 ? [] : f[8].Value.Split(';').Select(c => c.Trim()).ToList(),
            Summary = f[9].Value,
            AddCitations = [(f[10].Value, f[11].Value)],
        };
        try
        {
            return IncidentService.NewPublicRecord(input, now, clock);
        }
        catch (IncidentFieldException ex)
        {
            int column = ex.Field switch
            {
                "month" => 1,
                "state" => 2,
                "field-office" => 3,
                "facility" => 4,
                "force" => 5,
                "injuries" => 6,
                "deaths" => 7,
                "citizens-detained" => 8,
                "categories" => 9,
                "summary" => 10,
                _ => f[10].Value.Length == 0 || !IncidentFields.CitationKinds.Contains(f[10].Value, StringComparer.Ordinal) ? 11 : 12,
            };
            throw Error(name, f[column - 1].Line, column, $"{Header[column - 1]} {ex.Problem}");
        }
    }

    /// <summary>RFC 4180 records with the line each field starts on; CRLF or LF; a blank last line is allowed.</summary>
    private static IEnumerable<(int Line, List<(string Value, int Line)> Fields)> Records(string text, string name)
    {
        int i = 0, line = 1;
        while (i < text.Length)
        {
            int recordLine = line;
            var fields = new List<(string, int)>();
            while (true)
            {
                int fieldLine = line;
                var value = new StringBuilder();
                if (i < text.Length && text[i] == '"')
                {
                    i++;
                    while (true)
                    {
                        if (i >= text.Length)
                        {
                            throw Error(name, fieldLine, fields.Count + 1, "a quoted value is never closed");
                        }

                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                value.Append('"');
                                i += 2;
                                continue;
                            }

                            i++;
                            break;
                        }

                        if (text[i] == '\n')
                        {
                            line++;
                        }

                        value.Append(text[i++]);
                        Limit(value, name, fieldLine, fields.Count + 1);
                    }

                    if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        throw Error(name, line, fields.Count + 1, "text after a closing quote; write a quote inside a quoted value as two quotes (\"\")");
                    }
                }
                else
                {
                    while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        if (text[i] == '"')
                        {
                            throw Error(name, line, fields.Count + 1, "a quote inside an unquoted value; quote the whole value and double the quote");
                        }

                        value.Append(text[i++]);
                        Limit(value, name, fieldLine, fields.Count + 1);
                    }
                }

                fields.Add((value.ToString(), fieldLine));
                if (i < text.Length && text[i] == ',')
                {
                    i++;
                    continue;
                }

                if (i < text.Length && text[i] == '\r')
                {
                    if (i + 1 >= text.Length || text[i + 1] != '\n')
                    {
                        throw Error(name, line, fields.Count, "a carriage return not followed by a line feed");
                    }

                    i++;
                }

                if (i < text.Length && text[i] == '\n')
                {
                    i++;
                    line++;
                }

                break;
            }

            yield return (recordLine, fields);
        }
    }

    private static void Limit(StringBuilder value, string name, int line, int column)
    {
        if (value.Length > MaxField)
        {
            throw Error(name, line, column, $"a value longer than {MaxField:N0} characters");
        }
    }

    private static byte[] Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read);
            if (!stream.CanSeek || stream.Length > MaxBytes)
            {
                throw new CliException($"\"{TerminalText.Line(path, 200)}\" is larger than {MaxBytes / (1024 * 1024)} MiB or not a regular file", "split it into smaller files");
            }

            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"could not read \"{TerminalText.Line(path, 200)}\"", "check the name and permissions", ex);
        }
    }

    private static CliException Error(string name, int line, int? column, string problem) =>
        new(column is { } c
            ? string.Create(CultureInfo.InvariantCulture, $"{TerminalText.Line(name, 80)} line {line}, column {c} ({(c <= Header.Count ? Header[c - 1] : "extra")}): {problem}; nothing was imported")
            : string.Create(CultureInfo.InvariantCulture, $"{TerminalText.Line(name, 80)} line {line}: {problem}; nothing was imported"));
}
