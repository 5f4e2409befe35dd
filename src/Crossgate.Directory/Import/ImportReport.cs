using System.Text;

namespace Crossgate.Directory.Import;

/// <summary>What an import read, per kind, and every problem it met.</summary>
public sealed class ImportReport
{
    private readonly List<ImportProblem> _problems = [];
    private readonly List<string> _files = [];
    private readonly SortedDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public IReadOnlyList<ImportProblem> Problems => _problems;

    /// <summary>Each file with what it was recognised as.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>How many of each kind were imported (users, roles, inline policies, accounts, …).</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    public IReadOnlyList<string> Accounts => _accounts;

    public bool HasErrors => _problems.Any(p => p.IsError);

    private readonly List<string> _accounts = [];

    public int Count(string kind) => _counts.GetValueOrDefault(kind);

    internal void Add(string kind, int n = 1) => _counts[kind] = _counts.GetValueOrDefault(kind) + n;

    internal void File(string file, string recognisedAs) => _files.Add($"{file}: {recognisedAs}");

    internal void Account(string accountId)
    {
        if (!_accounts.Contains(accountId))
        {
            _accounts.Add(accountId);
        }
    }

    internal void Error(string file, string path, string message) => _problems.Add(new ImportProblem(file, path, message, true));

    internal void Warning(string file, string path, string message) => _problems.Add(new ImportProblem(file, path, message, false));

    /// <summary>A human-readable summary for the command line.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var file in _files)
        {
            text.AppendLine("read " + file);
        }

        text.AppendLine("imported: " + string.Join(", ", _counts.Select(c => $"{c.Value} {c.Key}")));
        foreach (var problem in _problems)
        {
            text.AppendLine(problem.ToString());
        }

        return text.ToString();
    }
}
