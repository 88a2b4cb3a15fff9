namespace WhistleSubmit.Portal.Features.NoScript;

/// <summary>A mistake in one field that the source can fix; the page explains it next to the field and in the summary.</summary>
public enum FieldError
{
    Required,
    Date,
    DateOrder,
    DateToWithoutFrom,
    State,
    Count,
    Choice,
}
