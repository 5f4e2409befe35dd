using System.Text.Json;

namespace Crossgate.Authorization.Simulation;

/// <summary>Answers a whole scenario file: reads, decides and writes each scenario, spreading a large array over
/// the machine's cores. The output keeps the input's order and shape (an object for an object, an array for an
/// array).</summary>
public static class SimulationRunner
{
    /// <summary>Below this many scenarios the work is not worth splitting across threads.</summary>
    private const int ParallelThreshold = 256;

    public static SimulationOutcome Run(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            return SimulationOutcome.Fatal(new ScenarioError(ScenarioError.InvalidScenario, $"The input is not valid JSON: {ex.Message}", "$"));
        }

        using (document)
        {
            var root = document.RootElement;
            var cache = new CompiledPolicyCache();
            if (root.ValueKind == JsonValueKind.Object)
            {
                return new SimulationOutcome(false, [Answer(root, "$", cache)], null);
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                return SimulationOutcome.Fatal(new ScenarioError(ScenarioError.InvalidScenario, "The input must be a scenario object or an array of them.", "$"));
            }

            var elements = new JsonElement[root.GetArrayLength()];
            var n = 0;
            foreach (var element in root.EnumerateArray())
            {
                elements[n++] = element;
            }

            var answers = new ScenarioAnswer[elements.Length];
            if (elements.Length < ParallelThreshold)
            {
                for (var i = 0; i < elements.Length; i++)
                {
                    answers[i] = AnswerAt(elements, i, cache);
                }
            }
            else
            {
                Parallel.For(0, elements.Length, i => answers[i] = AnswerAt(elements, i, cache));
            }

            return new SimulationOutcome(true, answers, null);
        }
    }

    private static ScenarioAnswer AnswerAt(JsonElement[] elements, int index, CompiledPolicyCache cache)
    {
        var path = $"$[{index}]";
        return elements[index].ValueKind == JsonValueKind.Object
            ? Answer(elements[index], path, cache)
            : new ScenarioAnswer(null, new ScenarioError(ScenarioError.InvalidScenario, "A scenario must be a JSON object.", path));
    }

    private static ScenarioAnswer Answer(JsonElement element, string path, CompiledPolicyCache cache)
    {
        var read = ScenarioReader.ReadOne(element, path, cache);
        return read.Scenario is { } scenario
            ? new ScenarioAnswer(Authorizer.Authorize(scenario.Request, scenario.Policies), null)
            : new ScenarioAnswer(null, read.Error);
    }
}

/// <summary>A scenario's decision, or why it could not be decided.</summary>
public readonly record struct ScenarioAnswer(Decision? Decision, ScenarioError? Error);

/// <summary>Every answer of a run, or the one fault that stopped the input from being read at all.</summary>
public sealed record SimulationOutcome(bool IsArray, ScenarioAnswer[] Answers, ScenarioError? FatalError)
{
    public static SimulationOutcome Fatal(ScenarioError error) => new(false, [], error);

    public bool AnyInvalid
    {
        get
        {
            if (FatalError is not null)
            {
                return true;
            }

            foreach (var answer in Answers)
            {
                if (answer.Error is not null)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Writes the run's JSON answer: one object per scenario, an array for an array input.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        if (FatalError is { } fatal)
        {
            DecisionJsonWriter.WriteError(writer, fatal);
            return;
        }

        if (IsArray)
        {
            writer.WriteStartArray();
        }

        foreach (var answer in Answers)
        {
            if (answer.Decision is { } decision)
            {
                DecisionJsonWriter.Write(writer, decision);
            }
            else
            {
                DecisionJsonWriter.WriteError(writer, answer.Error!);
            }
        }

        if (IsArray)
        {
            writer.WriteEndArray();
        }
    }
}
