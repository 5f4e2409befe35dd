using System.Text.Json;

namespace Crossgate.Authorization.Simulation;

/// <summary>Writes a <see cref="Decision"/> as the simulator's JSON answer.</summary>
public static class DecisionJsonWriter
{
    public static void Write(Utf8JsonWriter writer, Decision decision)
    {
        writer.WriteStartObject();
        writer.WriteString("decision", decision.Outcome.ToWireName());
        if (decision.Message is null)
        {
            writer.WriteNull("message");
        }
        else
        {
            writer.WriteString("message", decision.Message);
        }

        if (decision.Reason is null)
        {
            writer.WriteNull("reason");
        }
        else
        {
            writer.WriteString("reason", decision.Reason);
        }

        if (decision.DecidingLayer is { } layer)
        {
            writer.WriteString("decidingLayer", layer.ToWireName());
        }
        else
        {
            writer.WriteNull("decidingLayer");
        }

        writer.WriteStartArray("matchedStatements");
        foreach (var statement in decision.MatchedStatements)
        {
            writer.WriteStartObject();
            writer.WriteString("layer", statement.Layer.ToWireName());
            writer.WriteString("policy", statement.PolicyName);
            writer.WriteNumber("statementIndex", statement.StatementIndex);
            if (statement.Sid is null)
            {
                writer.WriteNull("sid");
            }
            else
            {
                writer.WriteString("sid", statement.Sid);
            }

            writer.WriteString("effect", statement.Effect.ToString());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("missingContextKeys");
        foreach (var key in decision.MissingContextKeys)
        {
            writer.WriteStringValue(key);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("layers");
        foreach (var result in decision.Layers)
        {
            writer.WriteString(result.Layer.ToWireName(), result.Outcome.ToWireName());
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteError(Utf8JsonWriter writer, ScenarioError error)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("code", error.Code);
        writer.WriteString("message", error.Message);
        writer.WriteString("path", error.Path);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
