using Crossgate.Analysis.Graph;

namespace Crossgate.Analysis.Queries;

/// <summary>A principal a query found, with the path that links it (from the principal asked about, or to the target).
/// For <c>who-can --action</c>, <see cref="Via"/> is the principal that performs the action at the end of the path,
/// and <see cref="Action"/> what allowed it.</summary>
public sealed record ReachEntry(GraphNode Node, GraphPath Path)
{
    public GraphNode? Via { get; init; }

    public Building.EdgeEvidenceView? Action { get; init; }

    public IReadOnlyList<string> Requires
    {
        get
        {
            var requires = Path.Requires.ToList();
            foreach (var text in Action?.Requires ?? [])
            {
                if (!requires.Contains(text))
                {
                    requires.Add(text);
                }
            }

            return requires;
        }
    }
}
