using WhistleSubmit.Portal.Features.NoScript;

namespace WhistleSubmit.Portal.Features.Submit;

/// <summary>What _Choices renders: one question with radio buttons (or checkboxes when <see cref="Multiple"/>).</summary>
public sealed record ChoiceGroup(
    string Name,
    string Legend,
    string? Hint,
    string? Error,
    bool Multiple,
    IReadOnlyList<(string Value, string Label)> Options,
    IReadOnlyCollection<string> Checked)
{
    /// <summary>The fieldset's id: the field name with dots as dashes, so the error summary can link to it.</summary>
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
