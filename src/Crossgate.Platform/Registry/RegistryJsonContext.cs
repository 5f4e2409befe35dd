using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crossgate.Platform.Registry;

/// <summary>Compile-time serialization of the registry's rows (camelCase, as <see cref="JsonSerializerDefaults.Web"/>),
/// so the registry works in a Native AOT build. Reading sets every init-only property: a property absent from a row
/// becomes default(T), not its initializer.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RegisteredAccount))]
internal sealed partial class RegistryJsonContext : JsonSerializerContext;
