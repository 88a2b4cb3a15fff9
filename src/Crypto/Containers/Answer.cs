using System.Text.Json.Serialization;

namespace WhistleSubmit.Crypto.Containers;

/// <summary>A yes / no / unknown answer. JSON ids: <c>yes</c>, <c>no</c>, <c>unknown</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<Answer>))]
public enum Answer
{
    /// <summary>Yes.</summary>
    Yes,

    /// <summary>No.</summary>
    No,

    /// <summary>Not known.</summary>
    Unknown,
}
