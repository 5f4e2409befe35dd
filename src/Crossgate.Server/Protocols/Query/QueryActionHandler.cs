namespace Crossgate.Server.Protocols.Query;

/// <summary>Handles one Query-protocol action (e.g. STS <c>GetCallerIdentity</c>).</summary>
public delegate ValueTask<QueryResponse> QueryActionHandler(QueryRequest request, CancellationToken cancellationToken);
