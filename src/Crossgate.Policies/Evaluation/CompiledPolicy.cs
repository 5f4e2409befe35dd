using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Crossgate.Policies.Evaluation;

/// <summary>A policy compiled once for many evaluations.</summary>
public sealed class CompiledPolicy
{
    public required PolicyDocument Document { get; init; }

    /// <summary>The policy's name or ARN, as the engine reports it in matched statements.</summary>
    public string? Name { get; init; }

    public required ImmutableArray<CompiledStatement> Statements { get; init; }

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

    /// <summary>The same compiled statements under another name (the statements are immutable and shared).</summary>
    public CompiledPolicy WithName(string? name) =>
        name == Name ? this : new CompiledPolicy { Document = Document, Name = name, Statements = Statements };
}
