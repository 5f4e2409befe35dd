namespace Crossgate.Server.Protocols.Json;

/// <summary>Handles one JSON-protocol operation (e.g. Organizations <c>DescribeOrganization</c>).</summary>
public delegate ValueTask<JsonResponse> JsonOperationHandler(JsonRequest request, CancellationToken cancellationToken);
