using System.Runtime.CompilerServices;

namespace Crossgate.Policies.Parsing;

/// <summary>Where the reader is in the document: a stack of property names and array indices, turned into
/// JSONPath text (<see cref="JsonPath"/>) only when a fault is reported. Readers push and pop as they descend,
/// and pass it by <c>ref</c>, so a clean document never builds a path string.</summary>
internal struct JsonLocation
{
    // $.Statement[i].Condition.operator.key[j] is the deepest location the reader descends to.
    private const int Capacity = 8;

    private Segments _segments;
    private int _depth;

    public void Push(string name)
    {
        EnsureRoom();
        _segments[_depth++] = new Segment(name, 0);
    }

    public void Push(int index)
    {
        EnsureRoom();
        _segments[_depth++] = new Segment(null, index);
    }

    public void Pop() => _depth--;

    public readonly override string ToString()
    {
        var path = JsonPath.Root;
        for (var i = 0; i < _depth; i++)
        {
            var segment = _segments[i];
            path = segment.Name is null ? JsonPath.Index(path, segment.Index) : JsonPath.Property(path, segment.Name);
        }

        return path;
    }

    private readonly void EnsureRoom()
    {
        if (_depth == Capacity)
        {
            // The policy grammar never nests this deep; reaching it is a reader bug, reported as malformed text.
            throw new InvalidOperationException("JSON location nested deeper than the policy grammar allows.");
        }
    }

    private readonly record struct Segment(string? Name, int Index);

    [InlineArray(Capacity)]
    private struct Segments
    {
        private Segment _first;
    }
}
