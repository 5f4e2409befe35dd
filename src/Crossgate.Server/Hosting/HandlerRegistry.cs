using Crossgate.Server.Protocols;
using Crossgate.Server.Protocols.Json;
using Crossgate.Server.Protocols.Query;

namespace Crossgate.Server.Hosting;

/// <summary>The actions and operations the endpoint answers, registered from outside (STS, IAM, Organizations code).</summary>
public sealed class HandlerRegistry
{
    private readonly Dictionary<(string Service, string Action), QueryActionHandler> _query = new();
    private readonly Dictionary<(string Service, string Operation), JsonOperationHandler> _json = new();

    public HandlerRegistry MapQuery(AwsService service, string action, QueryActionHandler handler)
    {
        if (service.Protocol != WireProtocol.Query) throw new ArgumentException($"{service} does not speak the Query protocol.", nameof(service));
        _query[(service.SigningName, action)] = handler;
        return this;
    }

    public HandlerRegistry MapJson(AwsService service, string operation, JsonOperationHandler handler)
    {
        if (service.Protocol != WireProtocol.Json11) throw new ArgumentException($"{service} does not speak JSON 1.1.", nameof(service));
        _json[(service.SigningName, operation)] = handler;
        return this;
    }

    public QueryActionHandler? FindQuery(AwsService service, string action) =>
        _query.GetValueOrDefault((service.SigningName, action));

    public JsonOperationHandler? FindJson(AwsService service, string operation) =>
        _json.GetValueOrDefault((service.SigningName, operation));

    public int Count => _query.Count + _json.Count;

    /// <summary>Every registered action and operation with its service, for the list the endpoint documents.</summary>
    public IEnumerable<(AwsService Service, string Operation)> Operations =>
        _query.Keys.Concat(_json.Keys).Select(k => (AwsService.BySigningName(k.Item1)!, k.Item2));
}
