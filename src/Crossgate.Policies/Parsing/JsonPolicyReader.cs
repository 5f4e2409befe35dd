using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Crossgate.Policies.Parsing;

/// <summary>Reads policy JSON with System.Text.Json into statements, applying the kind-independent grammar
/// (aws-iam-semantics.md §2.1). Malformed JSON of any sort is "Syntax errors in policy.", never an exception.
/// Clean documents are read by <see cref="CleanPolicyReader"/>; this exact reading, which keeps the tree and the
/// location of every element, runs only when that one gives up, and reports each fault where it is.</summary>
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

    /// <summary>Reads the document; <paramref name="utf8Json"/> need only stay unchanged until this returns.</summary>
    public static PolicyReadResult? Read(ReadOnlyMemory<byte> utf8Json, PolicyErrorList errors)
    {
        // JsonDocument defers UTF-8 checks inside strings until they are read; check the whole text up front.
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json.Span))
        {
            errors.Malformed(PolicyMessages.SyntaxErrors, JsonPath.Root);
            return null;
        }

        // Nearly every document is clean and reads in one pass; any doubt means the exact reading below.
        if (CleanPolicyReader.TryRead(utf8Json.Span) is { } clean)
        {
            return clean;
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

        var location = default(JsonLocation);
        string? version = null;
        string? id = null;
        var hasVersion = false;
        JsonElement? statementElement = null;
        var members = DuplicateMembers.Check(root, ref location, errors);
        var index = 0;
        foreach (var member in root.EnumerateObject())
        {
            if (members.IsDuplicate(index++))
            {
                continue;
            }

            var value = member.Value;
            if (member.NameEquals("Version"u8))
            {
                hasVersion = true;
                version = value.ValueKind != JsonValueKind.String ? null
                    : value.ValueEquals(PolicyDocument.CurrentVersion) ? PolicyDocument.CurrentVersion
                    : value.ValueEquals(PolicyDocument.LegacyVersion) ? PolicyDocument.LegacyVersion
                    : null;
                if (version is null)
                {
                    ReportMember("Version", ref location, errors);
                }
            }
            else if (member.NameEquals("Id"u8))
            {
                if (value.ValueKind == JsonValueKind.String)
                {
                    id = value.GetString();
                }
                else
                {
                    ReportMember("Id", ref location, errors);
                }
            }
            else if (member.NameEquals("Statement"u8))
            {
                statementElement = value;
            }
            else
            {
                ReportMember(member.Name, ref location, errors);
            }
        }

        if (statementElement is null)
        {
            errors.Malformed(PolicyMessages.SyntaxErrors, JsonPath.Root);
            return null;
        }

        var (statements, layouts) = ReadStatements(statementElement.Value, ref location, errors);
        RepeatedSids.Report(layouts, errors);
        return new PolicyReadResult(version, id, hasVersion, statements, layouts);
    }

    private static void ReportMember(string name, ref JsonLocation location, PolicyErrorList errors)
    {
        location.Push(name);
        errors.Malformed(PolicyMessages.SyntaxErrors, location);
        location.Pop();
    }

    private static (ImmutableArray<Statement>, StatementLayout[]) ReadStatements(JsonElement value, ref JsonLocation location, PolicyErrorList errors)
    {
        location.Push("Statement");
        Statement[] statements;
        StatementLayout[] layouts;
        var count = 0;
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                statements = new Statement[1];
                layouts = new StatementLayout[1];
                Add(StatementReader.Read(value, 0, ref location, errors, out var actionIsArray), inArray: false, actionIsArray);
                break;
            case JsonValueKind.Array when value.GetArrayLength() > 0:
                var length = value.GetArrayLength();
                statements = new Statement[length];
                layouts = new StatementLayout[length];
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    location.Push(index);
                    Add(StatementReader.Read(item, index, ref location, errors, out actionIsArray), inArray: true, actionIsArray);
                    location.Pop();
                    index++;
                }

                break;
            default:
                errors.Malformed(PolicyMessages.SyntaxErrors, location);
                statements = [];
                layouts = [];
                break;
        }

        location.Pop();
        if (count != statements.Length)
        {
            Array.Resize(ref statements, count);
            Array.Resize(ref layouts, count);
        }

        return (ImmutableCollectionsMarshal.AsImmutableArray(statements), layouts);

        void Add(Statement? statement, bool inArray, bool actionIsArray)
        {
            if (statement is not null)
            {
                statements[count] = statement;
                layouts[count] = new StatementLayout(statement, inArray, actionIsArray);
                count++;
            }
        }
    }
}
