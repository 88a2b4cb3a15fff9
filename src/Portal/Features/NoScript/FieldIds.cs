namespace WhistleSubmit.Portal.Features.NoScript;

/// <summary>HTML ids for field names: dots become dashes (a dot in an id would need escaping in CSS selectors).</summary>
public static class FieldIds
{
    public static string For(string fieldName) => fieldName.Replace('.', '-');
}
