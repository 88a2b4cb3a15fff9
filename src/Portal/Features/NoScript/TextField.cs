namespace WhistleSubmit.Portal.Features.NoScript;

/// <summary>What _TextField renders: a labelled input (or textarea when <see cref="Type"/> is "textarea") with hint and error.</summary>
public sealed record TextField(string Name, string Label, string? Hint, string? Error, string? Value, string Type, int MaxLength, int Rows = 0)
{
    public string Id => FieldIds.For(Name);

    public string? DescribedBy
    {
        get
        {
            string ids = string.Join(' ', new[] { Hint is null ? null : $"{Id}-hint", Error is null ? null : $"{Id}-error" }.OfType<string>());
            return ids.Length == 0 ? null : ids;
        }
    }
}
