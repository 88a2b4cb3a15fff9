using System.Text.Json.Serialization;

namespace WhistleSubmit.Crypto.Containers;

/// <summary>Source-generated JSON metadata (the library is AOT-compatible, so no reflection serialisation).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    MaxDepth = 8)]
[JsonSerializable(typeof(ReportV1))]
[JsonSerializable(typeof(MessageV1))]
[JsonSerializable(typeof(ConsentAnswerV1))]
internal sealed partial class SubmissionJsonContext : JsonSerializerContext;
