using System.Text;

namespace Crossgate.Authorization.Simulation;

/// <summary>Writes the simulator's plain-text answer: a line with the decision and its deciding layer, AWS's
/// message, the reason, each matched statement and any missing context keys.</summary>
public static class DecisionTextWriter
{
    /// <param name="label">The scenario's place, e.g. <c>[3] </c>, or empty for a lone scenario.</param>
    public static void Write(StringBuilder text, string label, Decision decision, SimulationExtras? extras = null)
    {
        text.Append(label).Append(decision.Outcome.ToWireName());
        if (decision.DecidingLayer is { } deciding)
        {
            text.Append(" (").Append(deciding.ToWireName()).Append(')');
        }

        text.Append('\n');
        if (decision.Message is not null)
        {
            text.Append("  ").Append(decision.Message).Append('\n');
        }

        if (decision.Reason is not null && decision.Message?.EndsWith(decision.Reason, StringComparison.Ordinal) != true)
        {
            text.Append("  reason: ").Append(decision.Reason).Append('\n');
        }

        foreach (var statement in decision.MatchedStatements)
        {
            text.Append("  matched: ").Append(statement.Layer.ToWireName()).Append(' ').Append(statement.PolicyName)
                .Append(" statement ").Append(statement.StatementIndex);
            if (statement.Sid is not null)
            {
                text.Append(" (").Append(statement.Sid).Append(')');
            }

            text.Append(": ").Append(statement.Effect == Crossgate.Policies.Effect.Allow ? "Allow" : "Deny").Append('\n');
        }

        if (!decision.MissingContextKeys.IsEmpty)
        {
            text.Append("  missing context keys: ").AppendJoin(", ", decision.MissingContextKeys).Append('\n');
        }

        if (extras is not null)
        {
            WriteExtras(text, extras);
        }
    }

    private static void WriteExtras(StringBuilder text, SimulationExtras extras)
    {
        if (extras.AsPolicySimulator)
        {
            text.Append("  evaluated as: IAM policy simulator\n");
        }

        if (extras.SimulatorsDiffer is { } differ)
        {
            text.Append("  simulators differ: live AWS ").Append(differ.LiveAws.ToWireName())
                .Append(", policy simulator ").Append(differ.PolicySimulator.ToWireName()).Append('\n');
        }

        if (extras.Discovery is { } discovery)
        {
            foreach (var alternative in discovery.AllowedWhen)
            {
                text.Append("  allowed when: ").Append(alternative).Append('\n');
            }

            foreach (var statement in discovery.DecidingStatements)
            {
                text.Append("  decided by: ").Append(statement.Layer.ToWireName()).Append(' ').Append(statement.PolicyName)
                    .Append(" statement ").Append(statement.StatementIndex).Append('\n');
            }

            if (discovery.MissingAllowIn is { } layer)
            {
                text.Append("  no allow in: ").Append(layer.ToWireName()).Append('\n');
            }
        }

        if (extras.ResourceMatch is { } match)
        {
            text.Append("  covered resource allowed: ").Append(match.AllowedResource ?? "none").Append('\n');
            foreach (var pattern in match.AllowingPatterns)
            {
                text.Append("  allowing pattern: ").Append(pattern).Append('\n');
            }
        }
    }

    public static void WriteError(StringBuilder text, string label, ScenarioError error) =>
        text.Append(label).Append("error: ").Append(error.ToString()).Append('\n');
}
