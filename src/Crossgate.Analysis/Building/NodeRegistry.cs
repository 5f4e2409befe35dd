using Crossgate.Analysis.Graph;

namespace Crossgate.Analysis.Building;

/// <summary>The graph's nodes by ARN, added to from several threads while trust policies are read.</summary>
internal sealed class NodeRegistry
{
    private readonly Dictionary<string, GraphNode> _byArn = new(StringComparer.Ordinal);
    private readonly List<GraphNode> _nodes = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<GraphNode> Nodes => _nodes;

    public GraphNode GetOrAdd(string arn, NodeKind kind, string? accountId, string? organizationId, bool inStore)
    {
        lock (_lock)
        {
            if (!_byArn.TryGetValue(arn, out var node))
            {
                node = new GraphNode(_nodes.Count, arn, kind, accountId, organizationId, inStore);
                _nodes.Add(node);
                _byArn[arn] = node;
            }

            return node;
        }
    }
}
