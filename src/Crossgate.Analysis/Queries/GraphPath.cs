using Crossgate.Analysis.Graph;

namespace Crossgate.Analysis.Queries;

/// <summary>A chain of edges; <see cref="Requires"/> gathers every condition along it.</summary>
public sealed class GraphPath(IReadOnlyList<AccessEdge> edges)
{
    public IReadOnlyList<AccessEdge> Edges { get; } = edges;

    public int Hops => Edges.Count;

    public IReadOnlyList<string> Requires
    {
        get
        {
            var requires = new List<string>();
            foreach (var edge in Edges)
            {
                foreach (var text in edge.Requires)
                {
                    if (!requires.Contains(text))
                    {
                        requires.Add(text);
                    }
                }
            }

            return requires;
        }
    }
}
