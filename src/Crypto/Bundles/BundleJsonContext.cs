using System.Text.Json.Serialization;

namespace WhistleSubmit.Crypto.Bundles;

/// <summary>Source-generated JSON metadata for the manifest and the import receipt (the library is AOT-compatible).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    MaxDepth = 4)]
[JsonSerializable(typeof(BundleManifest))]
[JsonSerializable(typeof(ImportReceipt))]
internal sealed partial class BundleJsonContext : JsonSerializerContext;
