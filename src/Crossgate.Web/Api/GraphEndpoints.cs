using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Crossgate.Analysis.Graph;
using Crossgate.Analysis.Output;
using Crossgate.Web.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Crossgate.Web.Api;

/// <summary><c>/api/v1/graph</c>: the access graph of the directory store (crossgate access …) for the console's
/// graph page. Reach and who-can answer in the shapes of <c>access reach/who-can --output json</c>.</summary>
public static class GraphEndpoints
{
    /// <summary>Longer than any ARN IAM accepts (2048); a longer value is refused before it is looked up.</summary>
    private const int MaxArnLength = 2048;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/graph", Graph).Produces(200, contentType: "application/json").ProducesProblem(404);
        api.MapGet("/graph/reach", Reach).Produces(200, contentType: "application/json").ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/graph/who-can", WhoCan).Produces(200, contentType: "application/json").ProducesProblem(400).ProducesProblem(404);
    }

    /// <summary><c>{"builtAt", "accounts": [{"id", "name", "organizationId", "inStore"}], "nodes": [{"arn", "type", "label",
    /// "accountId", "inStore", "administrator"}], "edges": [edge…]}</c>; edges as <c>access</c> writes them.</summary>
    private static async Task<IResult> Graph(HttpContext context, PlatformService platform)
    {
        if (platform.Graph is null)
        {
            return NoStore();
        }

        var (graph, builtAt) = await platform.Graph.GetAsync(context.RequestAborted);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("builtAt", builtAt);
            WriteAccounts(json, graph);
            json.WriteStartArray("nodes");
            foreach (var node in graph.Nodes)
            {
                json.WriteStartObject();
                json.WriteString("arn", node.Arn);
                json.WriteString("type", node.Kind.ToWireName());
                json.WriteString("label", node.Label);
                json.WriteString("accountId", node.AccountId);
                json.WriteBoolean("inStore", node.InStore);
                json.WriteBoolean("administrator", graph.IsAdministrator(node.Index));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("edges");
            foreach (var edge in graph.Edges)
            {
                GraphJson.WriteEdge(json, graph, edge);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Results.Bytes(buffer.WrittenMemory, "application/json; charset=utf-8");
    }

    private static async Task<IResult> Reach(HttpContext context, PlatformService platform)
    {
        if (Arn(context, "principal") is not { } principal)
        {
            return MissingArn("principal", "the user, role or account root (arn:aws:iam::ID:root) to start from");
        }

        if (platform.Graph is null)
        {
            return NoStore();
        }

        var (graph, _) = await platform.Graph.GetAsync(context.RequestAborted);
        var result = graph.Reach(principal);
        return result.Found ? Json(GraphJson.Reach(graph, result)) : NotAPrincipal(principal);
    }

    /// <summary><c>?target=ROLE_ARN</c>: who can reach the role; <c>?action=ACTION&amp;resource=ARN</c>: who can
    /// perform the action on the resource, directly or after reaching another principal.</summary>
    private static async Task<IResult> WhoCan(HttpContext context, PlatformService platform)
    {
        var target = Arn(context, "target");
        var action = context.Request.Query["action"].ToString();
        var resource = Arn(context, "resource");
        if (target is null == (action.Length == 0))
        {
            return Problems.BadRequest("Ask either ?target=ROLE_ARN (who can reach the role) or ?action=ACTION&resource=ARN (who can perform the action on the resource).");
        }

        if (action.Length > 0 && (resource is null || !IsAction(action)))
        {
            return Problems.BadRequest(resource is null
                ? "?action= needs ?resource=ARN: the resource the action is performed on."
                : $"'{Problems.Shorten(action)}' is not an action: write it as service:Action, e.g. s3:GetObject.");
        }

        if (platform.Graph is null)
        {
            return NoStore();
        }

        var (graph, _) = await platform.Graph.GetAsync(context.RequestAborted);
        var result = target is not null ? graph.WhoCan(target) : graph.WhoCanPerform(action, resource!);
        return result.Found || target is null ? Json(GraphJson.WhoCan(graph, result)) : NotAPrincipal(target);
    }

    private static void WriteAccounts(Utf8JsonWriter json, AccessGraph graph)
    {
        // An account is in the store when a principal of it is; accounts only trust policies name are outside it.
        var accounts = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            if (node.AccountId is { } id)
            {
                accounts[id] = accounts.GetValueOrDefault(id) || node.InStore;
            }
        }

        var organizations = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            if (node is { AccountId: { } id, OrganizationId: { } org })
            {
                organizations[id] = org;
            }
        }

        json.WriteStartArray("accounts");
        foreach (var (id, inStore) in accounts)
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("name", graph.Snapshot.Accounts.TryGetValue(id, out var facts) ? facts.Name : null);
            json.WriteString("organizationId", organizations.GetValueOrDefault(id));
            json.WriteBoolean("inStore", inStore);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The query value, or null when it is missing, too long or carries control characters.</summary>
    private static string? Arn(HttpContext context, string name)
    {
        var value = context.Request.Query[name].ToString().Trim();
        return value.Length is 0 or > MaxArnLength || value.AsSpan().ContainsAnyInRange('\0', '\u001f') ? null : value;
    }

    private static bool IsAction(string action)
    {
        var colon = action.IndexOf(':');
        return colon > 0 && colon < action.Length - 1 && action.Length <= 256 && !action.AsSpan().ContainsAnyInRange('\0', ' ');
    }

    private static IResult Json(string body) => Results.Text(body, "application/json; charset=utf-8");

    private static IResult MissingArn(string name, string what) =>
        Problems.BadRequest($"?{name}= is required: {what}, as an ARN of at most {MaxArnLength} characters without control characters.");

    private static IResult NotAPrincipal(string arn) =>
        Problems.Of(StatusCodes.Status404NotFound, $"{Problems.Shorten(arn)} is not a principal of the store or of its trust policies. GET /api/v1/graph lists the principals.");

    private static IResult NoStore() =>
        Problems.Of(StatusCodes.Status404NotFound, "This service has no directory store to analyse: 'crossgate serve' shows the graph of its own store, " +
                                                   "'crossgate platform serve' the one in --data or --postgres once 'crossgate init' or 'crossgate import' filled it.");
}
