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
    public static void Write(IBufferWriter<byte> output, Decision decision, int depth = 0)
    {
        var d = depth * 2;
        Raw(output, "{"u8);
        Member(output, d + 2, "\"decision\": \""u8);
        Raw(output, Outcomes[(int)decision.Outcome]);
        Raw(output, "\","u8);
        Member(output, d + 2, "\"message\": "u8);
        NullableString(output, decision.Message);
        Raw(output, ","u8);
        Member(output, d + 2, "\"reason\": "u8);
        NullableString(output, decision.Reason);
        Raw(output, ","u8);
        Member(output, d + 2, "\"decidingLayer\": "u8);
        if (decision.DecidingLayer is { } layer)
        {
            Quoted(output, Layers[(int)layer]);
        }
        else
        {
            Raw(output, "null"u8);
        }

        Raw(output, ","u8);
        Member(output, d + 2, "\"matchedStatements\": ["u8);
        var statements = decision.MatchedStatements;
        for (var i = 0; i < statements.Length; i++)
        {
            var statement = statements[i];
            if (i > 0)
            {
                Raw(output, ","u8);
            }

            Member(output, d + 4, "{"u8);
            Member(output, d + 6, "\"layer\": "u8);
            Quoted(output, Layers[(int)statement.Layer]);
            Raw(output, ","u8);
            Member(output, d + 6, "\"policy\": "u8);
            NullableString(output, statement.PolicyName);
            Raw(output, ","u8);
            Member(output, d + 6, "\"statementIndex\": "u8);
            Number(output, statement.StatementIndex);
            Raw(output, ","u8);
            Member(output, d + 6, "\"sid\": "u8);
            NullableString(output, statement.Sid);
            Raw(output, ","u8);
            Member(output, d + 6, statement.Effect == Effect.Allow ? "\"effect\": \"Allow\""u8 : "\"effect\": \"Deny\""u8);
            Member(output, d + 4, "}"u8);
        }

        Close(output, statements.Length > 0, d + 2, "],"u8);
        Member(output, d + 2, "\"missingContextKeys\": ["u8);
        var missing = decision.MissingContextKeys;
        for (var i = 0; i < missing.Length; i++)
        {
            if (i > 0)
            {
                Raw(output, ","u8);
            }

            Indent(output, d + 4);
            String(output, missing[i]);
        }

        Close(output, missing.Length > 0, d + 2, "],"u8);
        Member(output, d + 2, "\"layers\": {"u8);
        var layers = decision.Layers;
        for (var i = 0; i < layers.Length; i++)
        {
            if (i > 0)
            {
                Raw(output, ","u8);
            }

            Indent(output, d + 4);
            Quoted(output, Layers[(int)layers[i].Layer]);
            Raw(output, ": "u8);
            Quoted(output, LayerOutcomes[(int)layers[i].Outcome]);
        }

        Close(output, layers.Length > 0, d + 2, "}"u8);
        Member(output, d, "}"u8);
    }

    /// <summary>Writes the answer for a scenario that could not be read.</summary>
    public static void WriteError(IBufferWriter<byte> output, ScenarioError error, int depth = 0)
    {
        var d = depth * 2;
        Raw(output, "{"u8);
        Member(output, d + 2, "\"error\": {"u8);
        Member(output, d + 4, "\"code\": "u8);
        String(output, error.Code);
        Raw(output, ","u8);
        Member(output, d + 4, "\"message\": "u8);
        String(output, error.Message);
        Raw(output, ","u8);
        Member(output, d + 4, "\"path\": "u8);
        String(output, error.Path);
        Member(output, d + 2, "}"u8);
        Member(output, d, "}"u8);
    }

    /// <summary>Ends a list: on a line of its own when it has elements, straight after its opener when empty
    /// (<c>[]</c>, <c>{}</c>), as <see cref="Utf8JsonWriter"/> does.</summary>
    private static void Close(IBufferWriter<byte> output, bool hadElements, int indent, ReadOnlySpan<byte> closer)
    {
        if (hadElements)
        {
            Member(output, indent, closer);
        }
        else
        {
            Raw(output, closer);
        }
    }

    /// <summary>A new line, its indentation, then <paramref name="text"/>.</summary>
    private static void Member(IBufferWriter<byte> output, int indent, ReadOnlySpan<byte> text)
    {
        Indent(output, indent);
        Raw(output, text);
    }

    private static void Indent(IBufferWriter<byte> output, int indent)
    {
        var span = output.GetSpan(indent + 1);
        span[0] = (byte)'\n';
        span.Slice(1, indent).Fill((byte)' ');
        output.Advance(indent + 1);
    }

    private static void Raw(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes) => output.Write(bytes);

    private static void Quoted(IBufferWriter<byte> output, ReadOnlySpan<byte> plain)
    {
        var span = output.GetSpan(plain.Length + 2);
        span[0] = (byte)'"';
        plain.CopyTo(span[1..]);
        span[plain.Length + 1] = (byte)'"';
        output.Advance(plain.Length + 2);
    }

    private static void Number(IBufferWriter<byte> output, int value)
    {
        var span = output.GetSpan(11);
        Utf8Formatter.TryFormat(value, span, out var written);
        output.Advance(written);
    }

    private static void NullableString(IBufferWriter<byte> output, string? value)
    {
        if (value is null)
        {
            Raw(output, "null"u8);
        }
        else
        {
            String(output, value);
        }
    }

    /// <summary>A quoted string. Plain ASCII, nearly every value here, is copied as it is; anything the encoder
    /// might escape goes through the encoder.</summary>
    private static void String(IBufferWriter<byte> output, string value)
    {
        var span = output.GetSpan(value.Length + 2);
        if (Ascii.FromUtf16(value, span[1..], out var written) == OperationStatus.Done
            && !NeedsEscaping(span.Slice(1, written)))
        {
            span[0] = (byte)'"';
            span[written + 1] = (byte)'"';
            output.Advance(written + 2);
            return;
        }

        var encoded = JsonEncodedText.Encode(value, Encoder);
        Quoted(output, encoded.EncodedUtf8Bytes);
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
