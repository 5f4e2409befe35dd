namespace Crossgate.Server.Protocols.Query;

/// <summary>An authenticated Query-protocol call as a handler sees it.</summary>
public sealed record QueryRequest(
    AwsService Service,
    string Action,
    QueryParameters Parameters,
    RequestContext Context);
