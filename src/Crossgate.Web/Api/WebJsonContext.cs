using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crossgate.Web.Api;

/// <summary>Compile-time JSON for the API (AOT-safe). Requests are read strictly: an unknown member, a missing
/// required one or a null where a value is required is an error, not a default.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(AddAccountRequest))]
[JsonSerializable(typeof(DiscoverRequest))]
[JsonSerializable(typeof(AccountView))]
[JsonSerializable(typeof(AccountList))]
[JsonSerializable(typeof(CheckView))]
[JsonSerializable(typeof(CheckList))]
[JsonSerializable(typeof(DiscoveryResults))]
[JsonSerializable(typeof(EventList))]
[JsonSerializable(typeof(PlatformView))]
[JsonSerializable(typeof(Console.ConsoleSessionView))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
public sealed partial class WebJsonContext : JsonSerializerContext;
