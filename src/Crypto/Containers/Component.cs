using System.Text.Json.Serialization;

namespace WhistleSubmit.Crypto.Containers;

/// <summary>The ICE component involved. JSON ids: <c>ero</c>, <c>hsi</c>, <c>opla</c>, <c>opr</c>, <c>other</c>, <c>unknown</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<Component>))]
public enum Component
{
    /// <summary>Enforcement and Removal Operations.</summary>
    Ero,

    /// <summary>Homeland Security Investigations.</summary>
    Hsi,

    /// <summary>Office of the Principal Legal Advisor.</summary>
    Opla,

    /// <summary>Office of Professional Responsibility.</summary>
    Opr,

    /// <summary>Another component.</summary>
    Other,

    /// <summary>Not known.</summary>
    Unknown,
}
