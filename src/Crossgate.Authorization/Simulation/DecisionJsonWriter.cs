using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Crossgate.Policies;

namespace Crossgate.Authorization.Simulation;

/// <summary>Writes a <see cref="Decision"/> as the simulator's JSON answer, indented two spaces a level as
/// <see cref="Utf8JsonWriter"/> indents. The answer's shape never changes, so its fixed parts are written as
/// ready-made bytes and only the values are encoded: a large run writes tens of thousands of answers, and a
/// general-purpose writer spends most of its time on bookkeeping this shape does not need.</summary>
public static class DecisionJsonWriter
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly byte[][] Outcomes = Names<EvalDecision>(static d => d.ToWireName());
    private static readonly byte[][] Layers = Names<PolicyLayer>(static l => l.ToWireName());
    private static readonly byte[][] LayerOutcomes = Names<LayerOutcome>(static o => o.ToWireName());

    /// <summary>Writes one answer; <paramref name="depth"/> is 0 for a lone answer and 1 for an element of the
    /// answers array. The caller writes what separates elements.</summary>
    public static void Write(IBufferWriter<byte> output, Decision decision, int depth = 0, SimulationExtras? extras = null)
    {
        var d = depth * 2;
        var o = new Cursor(output.GetSpan(Bound(decision) + (extras is null ? 0 : Bound(extras))));
        o.Raw("{"u8);
        o.Member(d + 2, "\"decision\": \""u8);
        o.Raw(Outcomes[(int)decision.Outcome]);
        o.Raw("\","u8);
        o.Member(d + 2, "\"message\": "u8);
        o.NullableString(decision.Message);
        o.Raw(","u8);
        o.Member(d + 2, "\"reason\": "u8);
        o.NullableString(decision.Reason);
        o.Raw(","u8);
        o.Member(d + 2, "\"decidingLayer\": "u8);
        if (decision.DecidingLayer is { } layer)
        {
            o.Quoted(Layers[(int)layer]);
        }
        else
        {
            o.Raw("null"u8);
        }

        o.Raw(","u8);
        o.Member(d + 2, "\"matchedStatements\": ["u8);
        var statements = decision.MatchedStatements;
        for (var i = 0; i < statements.Length; i++)
        {
            var statement = statements[i];
            if (i > 0)
            {
                o.Raw(","u8);
            }

            o.Member(d + 4, "{"u8);
            StatementIdentity(ref o, d + 6, statement);
            o.Raw(","u8);
            o.Member(d + 6, statement.Effect == Effect.Allow ? "\"effect\": \"Allow\""u8 : "\"effect\": \"Deny\""u8);
            o.Member(d + 4, "}"u8);
        }

        o.Close(statements.Length > 0, d + 2, "],"u8);
        o.Member(d + 2, "\"missingContextKeys\": ["u8);
        var missing = decision.MissingContextKeys;
        for (var i = 0; i < missing.Length; i++)
        {
            if (i > 0)
            {
                o.Raw(","u8);
            }

            o.Indent(d + 4);
            o.String(missing[i]);
        }

        o.Close(missing.Length > 0, d + 2, "],"u8);
        o.Member(d + 2, "\"layers\": {"u8);
        var layers = decision.Layers;
        for (var i = 0; i < layers.Length; i++)
        {
            if (i > 0)
            {
                o.Raw(","u8);
            }

            o.Indent(d + 4);
            o.Quoted(Layers[(int)layers[i].Layer]);
            o.Raw(": "u8);
            o.Quoted(LayerOutcomes[(int)layers[i].Outcome]);
        }

        o.Close(layers.Length > 0, d + 2, "}"u8);
        if (extras is not null && !extras.IsEmpty)
        {
            WriteExtras(ref o, d, extras);
        }

        o.Member(d, "}"u8);
        output.Advance(o.Position);
    }

    /// <summary>Members after <c>layers</c>: <c>evaluatedAs</c>, <c>simulatorsDiffer</c>, <c>discovery</c>,
    /// <c>resourceMatch</c>, each only when there is something to say.</summary>
    private static void WriteExtras(ref Cursor o, int d, SimulationExtras extras)
    {
        if (extras.AsPolicySimulator)
        {
            o.Raw(","u8);
            o.Member(d + 2, "\"evaluatedAs\": \"policySimulator\""u8);
        }

        if (extras.SimulatorsDiffer is { } differ)
        {
            o.Raw(","u8);
            o.Member(d + 2, "\"simulatorsDiffer\": {"u8);
            o.Member(d + 4, "\"liveAws\": "u8);
            o.Quoted(Outcomes[(int)differ.LiveAws]);
            o.Raw(","u8);
            o.Member(d + 4, "\"policySimulator\": "u8);
            o.Quoted(Outcomes[(int)differ.PolicySimulator]);
            o.Member(d + 2, "}"u8);
        }

        if (extras.Discovery is { } discovery)
        {
            o.Raw(","u8);
            o.Member(d + 2, "\"discovery\": {"u8);
            o.Member(d + 4, "\"allowedWhen\": ["u8);
            StringList(ref o, d + 6, discovery.AllowedWhen);
            o.Close(discovery.AllowedWhen.Length > 0, d + 4, "],"u8);
            o.Member(d + 4, "\"decidingStatements\": ["u8);
            for (var i = 0; i < discovery.DecidingStatements.Length; i++)
            {
                var statement = discovery.DecidingStatements[i];
                if (i > 0)
                {
                    o.Raw(","u8);
                }

                o.Member(d + 6, "{"u8);
                StatementIdentity(ref o, d + 8, statement);
                o.Member(d + 6, "}"u8);
            }

            o.Close(discovery.DecidingStatements.Length > 0, d + 4, "],"u8);
            o.Member(d + 4, "\"missingAllowIn\": "u8);
            if (discovery.MissingAllowIn is { } layer)
            {
                o.Quoted(Layers[(int)layer]);
            }
            else
            {
                o.Raw("null"u8);
            }

            o.Member(d + 2, "}"u8);
        }

        if (extras.ResourceMatch is { } match)
        {
            o.Raw(","u8);
            o.Member(d + 2, "\"resourceMatch\": {"u8);
            o.Member(d + 4, "\"mode\": \"any\","u8);
            o.Member(d + 4, "\"allowedResource\": "u8);
            o.NullableString(match.AllowedResource);
            o.Raw(","u8);
            o.Member(d + 4, "\"allowingPatterns\": ["u8);
            StringList(ref o, d + 6, match.AllowingPatterns);
            o.Close(match.AllowingPatterns.Length > 0, d + 4, "]"u8);
            o.Member(d + 2, "}"u8);
        }
    }

    /// <summary>Which statement: <c>layer</c>, <c>policy</c>, <c>statementIndex</c> and <c>sid</c>, without a
    /// trailing comma.</summary>
    private static void StatementIdentity(ref Cursor o, int indent, MatchedStatement statement)
    {
        o.Member(indent, "\"layer\": "u8);
        o.Quoted(Layers[(int)statement.Layer]);
        o.Raw(","u8);
        o.Member(indent, "\"policy\": "u8);
        o.NullableString(statement.PolicyName);
        o.Raw(","u8);
        o.Member(indent, "\"statementIndex\": "u8);
        o.Number(statement.StatementIndex);
        o.Raw(","u8);
        o.Member(indent, "\"sid\": "u8);
        o.NullableString(statement.Sid);
    }

    private static void StringList(ref Cursor o, int indent, System.Collections.Immutable.ImmutableArray<string> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                o.Raw(","u8);
            }

            o.Indent(indent);
            o.String(values[i]);
        }
    }

    private static int Bound(SimulationExtras extras)
    {
        var bound = 512;
        if (extras.Discovery is { } discovery)
        {
            foreach (var text in discovery.AllowedWhen)
            {
                bound += 32 + Length(text);
            }

            foreach (var statement in discovery.DecidingStatements)
            {
                bound += 256 + Length(statement.PolicyName) + Length(statement.Sid);
            }
        }

        if (extras.ResourceMatch is { } match)
        {
            bound += 128 + Length(match.AllowedResource);
            foreach (var pattern in match.AllowingPatterns)
            {
                bound += 32 + Length(pattern);
            }
        }

        return bound;
    }

    /// <summary>Writes the answer for a scenario that could not be read.</summary>
    public static void WriteError(IBufferWriter<byte> output, ScenarioError error, int depth = 0)
    {
        var d = depth * 2;
        var o = new Cursor(output.GetSpan(128 + (error.Code.Length + error.Message.Length + error.Path.Length) * MaxBytesPerChar));
        o.Raw("{"u8);
        o.Member(d + 2, "\"error\": {"u8);
        o.Member(d + 4, "\"code\": "u8);
        o.String(error.Code);
        o.Raw(","u8);
        o.Member(d + 4, "\"message\": "u8);
        o.String(error.Message);
        o.Raw(","u8);
        o.Member(d + 4, "\"path\": "u8);
        o.String(error.Path);
        o.Member(d + 2, "}"u8);
        o.Member(d, "}"u8);
        output.Advance(o.Position);
    }

    /// <summary>An upper bound on an answer's size: its fixed parts, and each value at its longest escaped.</summary>
    private static int Bound(Decision decision)
    {
        var bound = 512 + Length(decision.Message) + Length(decision.Reason) + decision.Layers.Length * 80;
        foreach (var statement in decision.MatchedStatements)
        {
            bound += 256 + Length(statement.PolicyName) + Length(statement.Sid);
        }

        foreach (var key in decision.MissingContextKeys)
        {
            bound += 16 + Length(key);
        }

        return bound;
    }

    // A UTF-16 character becomes at most six bytes: "\uXXXX".
    private const int MaxBytesPerChar = 6;

    private static int Length(string? value) => value is null ? 4 : value.Length * MaxBytesPerChar + 2;

    /// <summary>Writes into one span taken from the output at the start, moving a position: the answer is written
    /// in some fifty pieces, too many to ask the output for room each time.</summary>
    private ref struct Cursor(Span<byte> span)
    {
        private readonly Span<byte> _span = span;

        public int Position;

        /// <summary>Ends a list: on a line of its own when it has elements, straight after its opener when empty
        /// (<c>[]</c>, <c>{}</c>), as <see cref="Utf8JsonWriter"/> does.</summary>
        public void Close(bool hadElements, int indent, ReadOnlySpan<byte> closer)
        {
            if (hadElements)
            {
                Member(indent, closer);
            }
            else
            {
                Raw(closer);
            }
        }

        /// <summary>A new line, its indentation, then <paramref name="text"/>.</summary>
        public void Member(int indent, ReadOnlySpan<byte> text)
        {
            Indent(indent);
            Raw(text);
        }

        public void Indent(int indent)
        {
            var span = _span[Position..];
            span[0] = (byte)'\n';
            span.Slice(1, indent).Fill((byte)' ');
            Position += indent + 1;
        }

        public void Raw(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_span[Position..]);
            Position += bytes.Length;
        }

        public void Quoted(ReadOnlySpan<byte> plain)
        {
            var span = _span[Position..];
            span[0] = (byte)'"';
            plain.CopyTo(span[1..]);
            span[plain.Length + 1] = (byte)'"';
            Position += plain.Length + 2;
        }

        public void Number(int value)
        {
            Utf8Formatter.TryFormat(value, _span[Position..], out var written);
            Position += written;
        }

        public void NullableString(string? value)
        {
            if (value is null)
            {
                Raw("null"u8);
            }
            else
            {
                String(value);
            }
        }

        /// <summary>A quoted string. Plain ASCII, nearly every value here, is copied as it is; anything the encoder
        /// might escape goes through the encoder.</summary>
        public void String(string value)
        {
            var span = _span[Position..];
            if (Ascii.FromUtf16(value, span[1..], out var written) == OperationStatus.Done
                && !NeedsEscaping(span.Slice(1, written)))
            {
                span[0] = (byte)'"';
                span[written + 1] = (byte)'"';
                Position += written + 2;
                return;
            }

            var encoded = JsonEncodedText.Encode(value, Encoder);
            Quoted(encoded.EncodedUtf8Bytes);
        }

        private static bool NeedsEscaping(ReadOnlySpan<byte> ascii)
        {
            foreach (var b in ascii)
            {
                if (b < 0x20 || b is (byte)'"' or (byte)'\\' or 0x7F)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static byte[][] Names<TEnum>(Func<TEnum, string> wireName) where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var names = new byte[values.Length][];
        for (var i = 0; i < values.Length; i++)
        {
            names[i] = Encoding.UTF8.GetBytes(wireName(values[i]));
        }

        return names;
    }
}
