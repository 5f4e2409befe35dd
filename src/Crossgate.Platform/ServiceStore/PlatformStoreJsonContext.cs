using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crossgate.Platform.ServiceStore;

/// <summary>Compile-time serialization of a check's groups as stored in one column (AOT-safe).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ImmutableArray<StoredGroup>))]
internal sealed partial class PlatformStoreJsonContext : JsonSerializerContext;
