using System.Collections.Concurrent;
using Crossgate.Analysis.Graph;

namespace Crossgate.Analysis.Building;

/// <summary>What escalation needs from the assume edges already decided: which principal can assume which role, and
/// which services can assume which role (with what that needs); and what it finds along the way (administrators).</summary>
internal sealed class EscalationContext
{
    private readonly HashSet<(int From, int To)> _assumes = [];
    private readonly Dictionary<int, List<(string Service, IReadOnlyList<string> Requires)>> _services = [];

    public EscalationContext(GraphBuilder builder, IReadOnlyList<AccessEdge> assumeEdges)
    {
        foreach (var edge in assumeEdges)
        {
            var from = builder.NodeAt(edge.From);
            if (from.Kind == NodeKind.Service)
            {
                if (!_services.TryGetValue(edge.To, out var list))
                {
                    list = [];
                    _services[edge.To] = list;
                }

                list.Add((from.Arn, edge.Requires));
            }
            else
            {
                _assumes.Add((edge.From, edge.To));
            }
        }
    }

    public ConcurrentBag<int> Administrators { get; } = [];

    public bool CanAssume(int fromNode, int toNode) => _assumes.Contains((fromNode, toNode));

    /// <summary>The requirements of the service's assume edge to the role, or null when the service cannot assume it.</summary>
    public IReadOnlyList<string>? ServiceCanAssume(int roleNode, string service)
    {
        if (_services.TryGetValue(roleNode, out var list))
        {
            foreach (var (name, requires) in list)
            {
                if (string.Equals(name, service, StringComparison.OrdinalIgnoreCase))
                {
                    return requires;
                }
            }
        }

        return null;
    }
}
