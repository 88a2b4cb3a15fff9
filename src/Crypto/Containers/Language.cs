using System.Text.Json.Serialization;

namespace WhistleSubmit.Crypto.Containers;

/// <summary>The language of the form the source used. JSON ids: <c>en</c>, <c>es</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<Language>))]
public enum Language
{
    /// <summary>English.</summary>
    En,

    /// <summary>Spanish.</summary>
    Es,
}
