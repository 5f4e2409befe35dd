using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Crossgate.Policies.Parsing;

/// <summary>The fast path for documents without faults, which is nearly all of them: one forward pass with
/// <see cref="Utf8JsonReader"/>, no document tree and no locations. It gives up (returns null) at the first thing
/// that is not plainly valid — any fault, a repeated or escaped element name, an unknown element, more conditions in
/// a statement than its scratch space holds — and <see cref="JsonPolicyReader"/> then reads the text on the exact path, which
/// reports every fault with its location. So it accepts only documents that path accepts without errors, and
/// builds the same result for them.</summary>
internal static class CleanPolicyReader
{
    // Mirrors JsonPolicyReader's JsonDocumentOptions.
    private static readonly JsonReaderOptions Options = new()
    {
        MaxDepth = 32,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    // Operators and keys recur across policies; the cap is far above the operator set and any realistic key set.
    private static readonly NameCache<ConditionOperator> Operators = new(1024);
    private static readonly NameCache<bool> Keys = new(4096);

    public static PolicyReadResult? TryRead(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, Options);
        try
        {
            var result = ReadRoot(ref reader);

            // Nothing but whitespace may follow the root object (anything else throws).
            return result is not null && !reader.Read() ? result : null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static PolicyReadResult? ReadRoot(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? version = null;
        string? id = null;
        bool hasVersion = false, hasId = false, hasStatement = false;
        var statements = ImmutableArray<Statement>.Empty;
        StatementLayout[] layouts = [];
        while (NextMember(ref reader, out var name))
        {
            if (name.SequenceEqual("Version"u8) && !hasVersion)
            {
                hasVersion = true;
                version = reader.TokenType != JsonTokenType.String ? null
                    : reader.ValueTextEquals(PolicyDocument.CurrentVersion) ? PolicyDocument.CurrentVersion
                    : reader.ValueTextEquals(PolicyDocument.LegacyVersion) ? PolicyDocument.LegacyVersion
                    : null;
                if (version is null)
                {
                    return null;
                }
            }
            else if (name.SequenceEqual("Id"u8) && !hasId && reader.TokenType == JsonTokenType.String)
            {
                hasId = true;
                id = reader.GetString();
            }
            else if (name.SequenceEqual("Statement"u8) && !hasStatement)
            {
                hasStatement = true;
                if (!ReadStatements(ref reader, out statements, out layouts))
                {
                    return null;
                }
            }
            else
            {
                return null;
            }
        }

        if (!hasStatement || RepeatedSids.Any(layouts))
        {
            return null;
        }

        return new PolicyReadResult(version, id, hasVersion, statements, layouts);
    }

    /// <summary>Moves to the next member of the current object and then onto its value; false at the object's end.
    /// The name is the raw text, so a name holding an escape (it could spell a known name; rare enough to give up by
    /// throwing, which <see cref="TryRead"/> catches) gives up.</summary>
    private static bool NextMember(ref Utf8JsonReader reader, out ReadOnlySpan<byte> name)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped)
        {
            name = default;
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return false;
            }

            throw new InvalidOperationException("escaped member name");
        }

        name = reader.ValueSpan;
        reader.Read();
        return true;
    }

    private static bool ReadStatements(ref Utf8JsonReader reader, out ImmutableArray<Statement> statements, out StatementLayout[] layouts)
    {
        statements = default;
        layouts = [];
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            if (ReadStatement(ref reader, 0, out var actionIsArray) is not { } single)
            {
                return false;
            }

            statements = [single];
            layouts = [new StatementLayout(single, inArray: false, actionIsArray)];
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var scratch = ArrayPool<Statement>.Shared.Rent(16);
        var scratchFlags = ArrayPool<bool>.Shared.Rent(16);
        var count = 0;
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                if (ReadStatement(ref reader, count, out var actionIsArray) is not { } statement)
                {
                    return false;
                }

                if (count == scratch.Length)
                {
                    Grow(ref scratch, count);
                    Grow(ref scratchFlags, count);
                }

                scratch[count] = statement;
                scratchFlags[count] = actionIsArray;
                count++;
            }

            // Anything in the array but statement objects, or no statement at all, is a fault.
            if (reader.TokenType != JsonTokenType.EndArray || count == 0)
            {
                return false;
            }

            var result = new Statement[count];
            layouts = new StatementLayout[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = scratch[i];
                layouts[i] = new StatementLayout(scratch[i], inArray: true, scratchFlags[i]);
            }

            statements = ImmutableCollectionsMarshal.AsImmutableArray(result);
            return true;
        }
        finally
        {
            ArrayPool<Statement>.Shared.Return(scratch, clearArray: true);
            ArrayPool<bool>.Shared.Return(scratchFlags);
        }
    }

    private static void Grow<T>(ref T[] rented, int count)
    {
        var larger = ArrayPool<T>.Shared.Rent(count * 2);
        Array.Copy(rented, larger, count);
        ArrayPool<T>.Shared.Return(rented, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        rented = larger;
    }

    private static Statement? ReadStatement(ref Utf8JsonReader reader, int index, out bool actionIsArray)
    {
        actionIsArray = false;
        string? sid = null;
        Effect? effect = null;
        PrincipalSet? principal = null;
        string[]? actions = null;
        string[]? resources = null;
        var condition = ConditionBlock.Empty;
        var seen = Element.None;
        var not = Element.None;
        while (NextMember(ref reader, out var name))
        {
            var (element, isNot) = Classify(name);
            if (element == Element.None || (seen & element) != 0)
            {
                return null;
            }

            seen |= element;
            if (isNot)
            {
                not |= element;
            }

            switch (element)
            {
                case Element.Sid when reader.TokenType == JsonTokenType.String:
                    sid = reader.GetString();
                    break;
                case Element.Effect when reader.TokenType == JsonTokenType.String:
                    effect = reader.ValueTextEquals("Allow"u8) ? Effect.Allow : reader.ValueTextEquals("Deny"u8) ? Effect.Deny : null;
                    if (effect is null)
                    {
                        return null;
                    }

                    break;
                case Element.Principal:
                    principal = ReadPrincipal(ref reader);
                    if (principal is null)
                    {
                        return null;
                    }

                    break;
                case Element.Action:
                    actions = ReadStrings(ref reader, out actionIsArray);
                    if (actions is not { Length: > 0 } || !AllWellFormed(actions, isAction: true))
                    {
                        return null;
                    }

                    break;
                case Element.Resource:
                    resources = ReadStrings(ref reader, out _);
                    if (resources is not { Length: > 0 } || !AllWellFormed(resources, isAction: false))
                    {
                        return null;
                    }

                    break;
                case Element.Condition:
                    if (ReadCondition(ref reader) is not { } block)
                    {
                        return null;
                    }

                    condition = block;
                    break;
                default:
                    return null;
            }
        }

        if (effect is null || actions is null)
        {
            return null;
        }

        return new Statement
        {
            Index = index,
            Sid = sid,
            Effect = effect.Value,
            Principal = principal,
            IsNotPrincipal = (not & Element.Principal) != 0,
            Actions = ImmutableCollectionsMarshal.AsImmutableArray(actions),
            IsNotAction = (not & Element.Action) != 0,
            Resources = resources is null ? ImmutableArray<string>.Empty : ImmutableCollectionsMarshal.AsImmutableArray(resources),
            HasResource = resources is not null,
            IsNotResource = (not & Element.Resource) != 0,
            Condition = condition,
        };
    }

    private static (Element Element, bool IsNot) Classify(ReadOnlySpan<byte> name) => name.Length switch
    {
        3 when name.SequenceEqual("Sid"u8) => (Element.Sid, false),
        6 when name.SequenceEqual("Effect"u8) => (Element.Effect, false),
        6 when name.SequenceEqual("Action"u8) => (Element.Action, false),
        8 when name.SequenceEqual("Resource"u8) => (Element.Resource, false),
        9 when name.SequenceEqual("Principal"u8) => (Element.Principal, false),
        9 when name.SequenceEqual("NotAction"u8) => (Element.Action, true),
        9 when name.SequenceEqual("Condition"u8) => (Element.Condition, false),
        11 when name.SequenceEqual("NotResource"u8) => (Element.Resource, true),
        12 when name.SequenceEqual("NotPrincipal"u8) => (Element.Principal, true),
        _ => (Element.None, false),
    };

    private static bool AllWellFormed(string[] entries, bool isAction)
    {
        foreach (var entry in entries)
        {
            if ((isAction ? ActionSyntax.Problem(entry) : ResourceSyntax.Problem(entry)) is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A string or an array of strings (possibly empty); null for anything else.</summary>
    private static string[]? ReadStrings(ref Utf8JsonReader reader, out bool isArray)
    {
        isArray = reader.TokenType == JsonTokenType.StartArray;
        if (reader.TokenType == JsonTokenType.String)
        {
            return [ReadString(ref reader)];
        }

        if (!isArray)
        {
            return null;
        }

        return ReadArray(ref reader, scalars: false);
    }

    // "*" is the commonest entry by far; one shared instance saves an allocation each time.
    private static string ReadString(ref Utf8JsonReader reader) =>
        !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual("*"u8) ? "*" : reader.GetString()!;

    private static PrincipalSet? ReadPrincipal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.ValueTextEquals("*"u8) ? PrincipalSet.Wildcard : null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var wildcard = false;
        string[]? aws = null, service = null, federated = null, canonical = null;
        while (NextMember(ref reader, out var name))
        {
            var type = name.Length switch
            {
                3 when name.SequenceEqual("AWS"u8) => 0,
                7 when name.SequenceEqual("Service"u8) => 1,
                9 when name.SequenceEqual("Federated"u8) => 2,
                13 when name.SequenceEqual("CanonicalUser"u8) => 3,
                _ => -1,
            };
            var list = ReadStrings(ref reader, out _);
            switch (type)
            {
                case 0 when aws is null:
                    aws = list;
                    break;
                case 1 when service is null:
                    service = list;
                    break;
                case 2 when federated is null:
                    federated = list;
                    break;
                case 3 when canonical is null:
                    canonical = list;
                    break;
                default:
                    return null;
            }

            if (list is null)
            {
                return null;
            }
        }

        if (aws is not null && !TakeAws(ref aws, ref wildcard))
        {
            return null;
        }

        if (!AllExactNames(service) || !AllExactNames(federated) || !AllExactNames(canonical))
        {
            return null;
        }

        var set = new PrincipalSet
        {
            IsWildcard = wildcard,
            Aws = Immutable(aws),
            Service = Immutable(service),
            Federated = Immutable(federated),
            CanonicalUser = Immutable(canonical),
        };
        return wildcard || !set.Aws.IsEmpty || !set.Service.IsEmpty || !set.Federated.IsEmpty || !set.CanonicalUser.IsEmpty ? set : null;
    }

    /// <summary>Checks AWS entries and drops <c>"*"</c> (it sets the wildcard instead).</summary>
    private static bool TakeAws(ref string[] aws, ref bool wildcard)
    {
        var stars = 0;
        foreach (var entry in aws)
        {
            if (entry == "*")
            {
                stars++;
            }
            else if (!AwsPrincipalSyntax.IsValid(entry))
            {
                return false;
            }
        }

        if (stars > 0)
        {
            wildcard = true;
            var named = new string[aws.Length - stars];
            var next = 0;
            foreach (var entry in aws)
            {
                if (entry != "*")
                {
                    named[next++] = entry;
                }
            }

            aws = named;
        }

        return true;
    }

    private static bool AllExactNames(string[]? names)
    {
        if (names is null)
        {
            return true;
        }

        foreach (var name in names)
        {
            // Service, federated and canonical-user principals are exact names: no wildcards, no blanks.
            if (name.Length == 0 || name.AsSpan().IndexOfAny("*? \t\r\n") >= 0)
            {
                return false;
            }
        }

        return true;
    }

    private static ImmutableArray<string> Immutable(string[]? values) =>
        values is null ? ImmutableArray<string>.Empty : ImmutableCollectionsMarshal.AsImmutableArray(values);

    private static ConditionBlock? ReadCondition(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var conditions = new Scratch<Condition>();
        var operators = new Scratch<string>();
        var count = 0;
        var operatorCount = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Operator and key names are kept as strings anyway, so escapes and repeats are judged on those.
            var opName = ReadOperator(ref reader, out var known, out var op);
            if (operatorCount == Scratch<string>.Capacity || Contains(operators, operatorCount, opName))
            {
                return null;
            }

            operators[operatorCount++] = opName;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var first = count;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // IAM tolerates an unknown operator only when it carries no keys; any non-empty key name is accepted
                // (a key without a vendor prefix is a lint finding, not a refusal).
                var key = ReadKey(ref reader);
                if (!known || key.Length == 0 || count == Scratch<Condition>.Capacity || HasKey(conditions, first, count, key))
                {
                    return null;
                }

                reader.Read();
                if (ReadValues(ref reader) is not { } values || !ConditionValueSyntax.AllFit(op.Kind, values))
                {
                    return null;
                }

                conditions[count++] = new Condition(op, key, ImmutableCollectionsMarshal.AsImmutableArray(values));
            }
        }

        return count == 0 ? ConditionBlock.Empty
            : new ConditionBlock(ImmutableCollectionsMarshal.AsImmutableArray(((ReadOnlySpan<Condition>)conditions)[..count].ToArray()));
    }

    private static string ReadOperator(ref Utf8JsonReader reader, out bool known, out ConditionOperator op)
    {
        if (reader.ValueIsEscaped)
        {
            var text = reader.GetString()!;
            known = ConditionOperator.TryParse(text, out op);
            return text;
        }

        if (Operators.TryGet(reader.ValueSpan, out var name, out op))
        {
            known = true;
            return name;
        }

        known = ConditionOperator.TryParse(name, out op);
        if (known)
        {
            Operators.Add(name, op);
        }

        return name;
    }

    private static string ReadKey(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return reader.GetString()!;
        }

        if (!Keys.TryGet(reader.ValueSpan, out var name, out _))
        {
            Keys.Add(name, true);
        }

        return name;
    }

    private static bool Contains(ReadOnlySpan<string> names, int count, string name) => names[..count].Contains(name);

    private static bool HasKey(ReadOnlySpan<Condition> conditions, int first, int count, string key)
    {
        foreach (var condition in conditions[first..count])
        {
            if (condition.Key == key)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A scalar or an array of scalars, as text; null for anything else.</summary>
    private static string[]? ReadValues(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return Scalar(ref reader) is { } single ? [single] : null;
        }

        return ReadArray(ref reader, scalars: true);
    }

    /// <summary>The items of the array the reader is on: strings, or with <paramref name="scalars"/> any scalar as
    /// text; null when an item is anything else.</summary>
    private static string[]? ReadArray(ref Utf8JsonReader reader, bool scalars)
    {
        var scratch = new Scratch<string>();
        List<string>? spill = null;
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var item = scalars ? Scalar(ref reader) : reader.TokenType == JsonTokenType.String ? ReadString(ref reader) : null;
            if (item is null)
            {
                return null;
            }

            if (count < Scratch<string>.Capacity)
            {
                scratch[count] = item;
            }
            else
            {
                (spill ??= []).Add(item);
            }

            count++;
        }

        var items = new string[count];
        ((ReadOnlySpan<string>)scratch)[..Math.Min(count, Scratch<string>.Capacity)].CopyTo(items);
        spill?.CopyTo(items, Scratch<string>.Capacity);
        return items;
    }

    private static string? Scalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),

        // A number's text as written, which is what AWS compares (and what JsonElement.GetRawText gives).
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => null,
    };

    [Flags]
    private enum Element
    {
        None = 0,
        Sid = 1,
        Effect = 2,
        Principal = 4,
        Action = 8,
        Resource = 16,
        Condition = 32,
    }

    /// <summary>Stack room for the entries of one list (longer ones spill to the heap), and for the conditions of
    /// one statement (more give up to the exact path).</summary>
    [InlineArray(Capacity)]
    private struct Scratch<T>
    {
        public const int Capacity = 16;

        private T _first;
    }
}
