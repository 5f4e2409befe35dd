using System.Text.Json;
using Crossgate.Policies;

namespace Crossgate.Authorization.Simulation;

/// <summary>Writes a <see cref="Decision"/> as the simulator's JSON answer. Member names and the fixed words
/// (layers, outcomes, effects) are encoded once, as a large run writes them tens of thousands of times.</summary>
public static class DecisionJsonWriter
{
    private static readonly JsonEncodedText DecisionName = JsonEncodedText.Encode("decision");
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText ReasonName = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText DecidingLayerName = JsonEncodedText.Encode("decidingLayer");
    private static readonly JsonEncodedText MatchedStatementsName = JsonEncodedText.Encode("matchedStatements");
    private static readonly JsonEncodedText LayerName = JsonEncodedText.Encode("layer");
    private static readonly JsonEncodedText PolicyName = JsonEncodedText.Encode("policy");
    private static readonly JsonEncodedText StatementIndexName = JsonEncodedText.Encode("statementIndex");
    private static readonly JsonEncodedText SidName = JsonEncodedText.Encode("sid");
    private static readonly JsonEncodedText EffectName = JsonEncodedText.Encode("effect");
    private static readonly JsonEncodedText MissingContextKeysName = JsonEncodedText.Encode("missingContextKeys");
    private static readonly JsonEncodedText LayersName = JsonEncodedText.Encode("layers");
    private static readonly JsonEncodedText ErrorName = JsonEncodedText.Encode("error");
    private static readonly JsonEncodedText CodeName = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText PathName = JsonEncodedText.Encode("path");

    private static readonly JsonEncodedText[] Outcomes = Encode<EvalDecision>(static d => d.ToWireName());
    private static readonly JsonEncodedText[] Layers = Encode<PolicyLayer>(static l => l.ToWireName());
    private static readonly JsonEncodedText[] LayerOutcomes = Encode<LayerOutcome>(static o => o.ToWireName());
    private static readonly JsonEncodedText[] Effects = Encode<Effect>(static e => e.ToString());

    public static void Write(Utf8JsonWriter writer, Decision decision)
    {
        writer.WriteStartObject();
        writer.WriteString(DecisionName, Outcomes[(int)decision.Outcome]);
        WriteNullable(writer, MessageName, decision.Message);
        WriteNullable(writer, ReasonName, decision.Reason);
        if (decision.DecidingLayer is { } layer)
        {
            writer.WriteString(DecidingLayerName, Layers[(int)layer]);
        }
        else
        {
            writer.WriteNull(DecidingLayerName);
        }

        writer.WriteStartArray(MatchedStatementsName);
        foreach (var statement in decision.MatchedStatements)
        {
            writer.WriteStartObject();
            writer.WriteString(LayerName, Layers[(int)statement.Layer]);
            writer.WriteString(PolicyName, statement.PolicyName);
            writer.WriteNumber(StatementIndexName, statement.StatementIndex);
            WriteNullable(writer, SidName, statement.Sid);
            writer.WriteString(EffectName, Effects[(int)statement.Effect]);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray(MissingContextKeysName);
        foreach (var key in decision.MissingContextKeys)
        {
            writer.WriteStringValue(key);
        }

        writer.WriteEndArray();
        writer.WriteStartObject(LayersName);
        foreach (var result in decision.Layers)
        {
            writer.WriteString(Layers[(int)result.Layer], LayerOutcomes[(int)result.Outcome]);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteError(Utf8JsonWriter writer, ScenarioError error)
    {
        writer.WriteStartObject();
        writer.WriteStartObject(ErrorName);
        writer.WriteString(CodeName, error.Code);
        writer.WriteString(MessageName, error.Message);
        writer.WriteString(PathName, error.Path);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static JsonEncodedText[] Encode<TEnum>(Func<TEnum, string> wireName) where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var encoded = new JsonEncodedText[values.Length];
        foreach (var value in values)
        {
            encoded[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = JsonEncodedText.Encode(wireName(value));
        }

        return encoded;
    }
}
