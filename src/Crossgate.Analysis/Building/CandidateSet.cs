namespace Crossgate.Analysis.Building;

/// <summary>The principals (by index) a trust policy names, without duplicates, reused from one role to the next on a
/// thread: a stamp per principal says whether it is in the current set, so starting a new set costs nothing and
/// adding a whole account's assumers allocates nothing.</summary>
internal sealed class CandidateSet(int principals)
{
    private readonly int[] _stamps = new int[principals];
    private readonly List<int> _items = [];
    private int _stamp;

    public int Capacity => _stamps.Length;

    public List<int> Items => _items;

    public void Clear()
    {
        _items.Clear();
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_stamps);
            _stamp = 1;
        }
    }

    public void Add(int principal)
    {
        if (_stamps[principal] != _stamp)
        {
            _stamps[principal] = _stamp;
            _items.Add(principal);
        }
    }

    public void AddRange(List<int> principals)
    {
        foreach (var principal in principals)
        {
            Add(principal);
        }
    }
}
