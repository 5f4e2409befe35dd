using System.Collections.Immutable;
using System.Text.Json;

namespace Crossgate.Policies.Parsing;

/// <summary>The document as read, before kind rules: the statements that read cleanly and where each one sits.</summary>
internal sealed record PolicyReadResult(
    string? Version,
    string? Id,
    bool HasVersion,
    ImmutableArray<Statement> Statements,
    ImmutableArray<StatementLayout> Layouts);

/// <summary>Reads policy JSON with System.Text.Json into statements, applying the kind-independent grammar
/// (aws-iam-semantics.md §2.1). Malformed JSON of any sort is "Syntax errors in policy.", never an exception.</summary>
internal static class JsonPolicyReader
{
    // Real policies nest five levels deep at most; the cap keeps hostile input from exhausting the stack.
    private const int MaxDepth = 32;

    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = MaxDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    public static PolicyReadResult? Read(ReadOnlyMemory<byte> utf8Json, PolicyErrorList errors)
    {
        // JsonDocument defers UTF-8 checks inside strings until they are read; check the whole text up front.
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json.Span))
        {
            errors.Malformed(PolicyMessages.SyntaxErrors, JsonPath.Root);
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, Options);
        }
        catch (JsonException)
        {
            errors.Malformed(PolicyMessages.SyntaxErrors, JsonPath.Root);
            return null;
        }
        catch (ArgumentException)
        {
            errors.Malformed(PolicyMessages.SyntaxErrors, JsonPath.Root);
            return null;
        }

        using (document)
        {
            try
            {
                return ReadRoot(document.RootElement, errors);
            }
            catch (InvalidOperationException)
            {
                // A string that cannot be decoded (e.g. an escaped lone surrogate) is malformed text too.
                errors.Malformed(PolicyMessages.SyntaxErrors, JsonPath.Root);
                return null;
            }
        }
    }

    private static PolicyReadResult? ReadRoot(JsonElement root, PolicyErrorList errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Malformed(PolicyMessages.SyntaxErrors, JsonPath.Root);
            return null;
        }

        string? version = null;
        string? id = null;
        var hasVersion = false;
        JsonElement? statementElement = null;
        foreach (var member in JsonMembers.Read(root, JsonPath.Root, errors))
        {
            var path = JsonPath.Property(JsonPath.Root, member.Name);
            switch (member.Name)
            {
                case "Version":
                    hasVersion = true;
                    if (member.Value.ValueKind == JsonValueKind.String
                        && (member.Value.ValueEquals(PolicyDocument.CurrentVersion) || member.Value.ValueEquals(PolicyDocument.LegacyVersion)))
                    {
                        version = member.Value.GetString();
                    }
                    else
                    {
                        errors.Malformed(PolicyMessages.SyntaxErrors, path);
                    }

                    break;
                case "Id":
                    if (member.Value.ValueKind == JsonValueKind.String)
                    {
                        id = member.Value.GetString();
                    }
                    else
                    {
                        errors.Malformed(PolicyMessages.SyntaxErrors, path);
                    }

                    break;
                case "Statement":
                    statementElement = member.Value;
                    break;
                default:
                    errors.Malformed(PolicyMessages.SyntaxErrors, path);
                    break;
            }
        }

        if (statementElement is null)
        {
            errors.Malformed(PolicyMessages.SyntaxErrors, JsonPath.Root);
            return null;
        }

        var (statements, layouts) = ReadStatements(statementElement.Value, errors);
        CheckSidsUnique(statements, layouts, errors);
        return new PolicyReadResult(version, id, hasVersion, statements, layouts);
    }

    private static (ImmutableArray<Statement>, ImmutableArray<StatementLayout>) ReadStatements(JsonElement value, PolicyErrorList errors)
    {
        var path = JsonPath.Property(JsonPath.Root, "Statement");
        var statements = ImmutableArray.CreateBuilder<Statement>();
        var layouts = ImmutableArray.CreateBuilder<StatementLayout>();
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                Add(StatementReader.Read(value, 0, path, errors));
                break;
            case JsonValueKind.Array when value.GetArrayLength() > 0:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Add(StatementReader.Read(item, index, JsonPath.Index(path, index), errors));
                    index++;
                }

                break;
            default:
                errors.Malformed(PolicyMessages.SyntaxErrors, path);
                break;
        }

        return (statements.ToImmutable(), layouts.ToImmutable());

        void Add((Statement? Statement, StatementLayout Layout) read)
        {
            if (read.Statement is not null)
            {
                statements.Add(read.Statement);
                layouts.Add(read.Layout);
            }
        }
    }

    private static void CheckSidsUnique(ImmutableArray<Statement> statements, ImmutableArray<StatementLayout> layouts, PolicyErrorList errors)
    {
        HashSet<string>? seen = null;
        for (var i = 0; i < statements.Length; i++)
        {
            var sid = statements[i].Sid;
            if (string.IsNullOrEmpty(sid))
            {
                continue;
            }

            seen ??= new HashSet<string>(StringComparer.Ordinal);
            if (!seen.Add(sid))
            {
                errors.Malformed(PolicyMessages.SidNotUnique, layouts[i].SidPath!);
            }
        }
    }
}
