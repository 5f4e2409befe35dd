using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Crossgate.Policies.Evaluation;

/// <summary>A policy compiled once for many evaluations.</summary>
public sealed class CompiledPolicy
{
    // The statement index, built on first use (a policy compiled but never decided pays nothing): NotIndexed when
    // the policy is too small to gain from one or indexing is turned off.
    private static readonly object NotIndexed = new();
    private object? _index;

    public required PolicyDocument Document { get; init; }

    /// <summary>The policy's name or ARN, as the engine reports it in matched statements.</summary>
    public string? Name { get; init; }

    public required ImmutableArray<CompiledStatement> Statements { get; init; }

    /// <summary>Which statements can apply to a request (see <see cref="StatementIndex"/>); null when every statement
    /// is to be visited: a small policy, one whose statements all apply to anything, or <see cref="WithoutIndex"/>.</summary>
    public StatementIndex? Index
    {
        get
        {
            var index = Volatile.Read(ref _index);
            if (index is null)
            {
                // Idempotent: two threads racing here build two equal indexes and one wins.
                index = (object?)StatementIndex.Build(Statements.AsSpan()) ?? NotIndexed;
                Volatile.Write(ref _index, index);
            }

            return index as StatementIndex;
        }
    }

    public static CompiledPolicy Compile(PolicyDocument document, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var source = document.Statements;
        var statements = new CompiledStatement[source.Length];
        for (var i = 0; i < statements.Length; i++)
        {
            statements[i] = CompiledStatement.Compile(source[i], document.SupportsPolicyVariables);
        }

        return new CompiledPolicy { Document = document, Name = name, Statements = ImmutableCollectionsMarshal.AsImmutableArray(statements) };
    }

    /// <summary>The same compiled statements under another name (the statements are immutable and shared, and so is
    /// the index once built).</summary>
    public CompiledPolicy WithName(string? name) =>
        name == Name ? this : new CompiledPolicy { Document = Document, Name = name, Statements = Statements, _index = Volatile.Read(ref _index) };

    /// <summary>The same policy decided by visiting every statement: the reference an indexed decision must equal
    /// (differential tests) and the baseline benchmarks compare with.</summary>
    public CompiledPolicy WithoutIndex() =>
        new() { Document = Document, Name = Name, Statements = Statements, _index = NotIndexed };
}
