using System.Text.Json;

namespace Crossgate.Server.Protocols.Json;

/// <summary>An authenticated JSON-protocol call: the operation and its (already parsed) body.</summary>
public sealed record JsonRequest(AwsService Service, string Operation, JsonElement Body, RequestContext Context);
