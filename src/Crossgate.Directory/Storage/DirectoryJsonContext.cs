using System.Text.Json.Serialization;
using Crossgate.Directory.Model;

namespace Crossgate.Directory.Storage;

/// <summary>Compile-time serialization of every stored entity (no reflection, so the store works in a Native AOT
/// build): property names as declared, enums as text, nulls left out. Reading sets every init-only property, so a
/// property absent from a row becomes default(T), not its initializer: a property added to a stored type must read
/// older rows correctly that way (StoredJsonFormatTests pins the list).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = false)]
[JsonSerializable(typeof(Organization))]
[JsonSerializable(typeof(OrganizationRoot))]
[JsonSerializable(typeof(OrganizationalUnit))]
[JsonSerializable(typeof(OrganizationPolicy))]
[JsonSerializable(typeof(Account))]
[JsonSerializable(typeof(IamUser))]
[JsonSerializable(typeof(IamGroup))]
[JsonSerializable(typeof(IamRole))]
[JsonSerializable(typeof(ManagedPolicy))]
[JsonSerializable(typeof(AccessKey))]
[JsonSerializable(typeof(VirtualMfaDevice))]
[JsonSerializable(typeof(StsSession))]
[JsonSerializable(typeof(AuditEvent))]
internal sealed partial class DirectoryJsonContext : JsonSerializerContext;
