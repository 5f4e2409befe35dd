using System.Buffers;
using System.Text;

namespace Crossgate.Authorization.Simulation;

/// <summary>One worker's tools for answering a run of consecutive scenarios: its own policy cache, JSON writer
/// and buffers, reused from run to run so that steady work touches no new memory. The bytes of a run are exactly
/// what one writer over the whole input would have written for those scenarios, so runs can be joined in order.</summary>
internal sealed class ChunkRenderer
{
    private readonly ReadOnlyMemory<byte> _input;
    private readonly bool _isArray;
    private readonly SimulationFormat _format;
    private readonly SimulationOptions _options;
    private readonly CompiledPolicyCache _cache = new();
    private readonly ArrayBufferWriter<byte> _bytes = new(1 << 16);
    private readonly StringBuilder _text = new();

    public ChunkRenderer(ReadOnlyMemory<byte> input, bool isArray, SimulationFormat format, SimulationOptions? options = null)
    {
        _input = input;
        _isArray = isArray;
        _format = format;
        _options = options ?? SimulationOptions.Default;
    }

    /// <summary>Scenarios found invalid so far by this renderer.</summary>
    public int Invalid { get; private set; }

    /// <summary>Answers a run of scenarios, the first being number <paramref name="first"/> of the input, into a pooled array; the
    /// caller returns it to <see cref="ArrayPool{T}.Shared"/>. In JSON each element of an array input comes with
    /// the line break and indentation before it, and a comma unless it is the first.</summary>
    public ArraySegment<byte> Render(ReadOnlySpan<ScenarioSpan> run, int first)
    {
        _bytes.ResetWrittenCount();
        if (_format == SimulationFormat.Json)
        {
            RenderJson(run, first);
        }
        else
        {
            RenderText(run, first);
        }

        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.WrittenCount, 1));
        _bytes.WrittenSpan.CopyTo(rented);
        return new ArraySegment<byte>(rented, 0, _bytes.WrittenCount);
    }

    private void RenderJson(ReadOnlySpan<ScenarioSpan> run, int first)
    {
        var depth = _isArray ? 1 : 0;
        for (var i = 0; i < run.Length; i++)
        {
            if (_isArray)
            {
                _bytes.Write(first + i == 0 ? "\n  "u8 : ",\n  "u8);
            }

            var answer = Answer(run[i], first + i);
            if (answer.Decision is { } decision)
            {
                DecisionJsonWriter.Write(_bytes, decision, depth, answer.Extras);
            }
            else
            {
                DecisionJsonWriter.WriteError(_bytes, answer.Error!, depth);
            }
        }
    }

    private void RenderText(ReadOnlySpan<ScenarioSpan> run, int first)
    {
        for (var i = 0; i < run.Length; i++)
        {
            _text.Clear();
            var label = _isArray ? $"[{first + i}] " : string.Empty;
            var answer = Answer(run[i], first + i);
            if (answer.Decision is { } decision)
            {
                DecisionTextWriter.Write(_text, label, decision, answer.Extras);
            }
            else
            {
                DecisionTextWriter.WriteError(_text, label, answer.Error!);
            }

            foreach (var piece in _text.GetChunks())
            {
                var span = _bytes.GetSpan(Encoding.UTF8.GetMaxByteCount(piece.Length));
                _bytes.Advance(Encoding.UTF8.GetBytes(piece.Span, span));
            }
        }
    }

    private ScenarioAnswer Answer(ScenarioSpan span, int index)
    {
        var read = ScenarioReader.ReadOne(_input.Span.Slice(span.Start, span.Length), _isArray ? index : -1, _cache);
        if (read.Scenario is { } scenario)
        {
            return Decide(scenario.Request, scenario.Policies, _options);
        }

        Invalid++;
        return new ScenarioAnswer(null, read.Error);
    }

    /// <summary>One scenario's answer in the chosen mode, with what the options ask for beyond it. The other
    /// simulator's decision is taken on the allocation-free path; extras are made only when there is something to say.</summary>
    internal static ScenarioAnswer Decide(AuthorizationRequest request, PolicySet policies, SimulationOptions options)
    {
        var mode = options.Mode;
        ResourceMatchResult? coverage = null;
        Decision decision;
        if (options.ResourceMatch == ResourceMatch.Any && ResourceCoverage.Applies(request.Resource))
        {
            (decision, coverage) = ResourceCoverage.Decide(request, policies, mode);
        }
        else
        {
            decision = Authorizer.Authorize(request, policies, mode);
        }

        var otherMode = mode == EvaluationMode.LiveAws ? EvaluationMode.PolicySimulator : EvaluationMode.LiveAws;
        var other = Authorizer.Decide(request, policies, otherMode).Decision;
        var differs = coverage is null && other != decision.Outcome;
        var discovery = options.Discover ? Discoverer.Discover(request, policies, decision, mode) : null;
        if (!differs && coverage is null && discovery is null && mode == EvaluationMode.LiveAws)
        {
            return new ScenarioAnswer(decision, null);
        }

        return new ScenarioAnswer(decision, null, new SimulationExtras
        {
            SimulatorsDiffer = differs ? (mode == EvaluationMode.LiveAws ? (decision.Outcome, other) : (other, decision.Outcome)) : null,
            AsPolicySimulator = mode == EvaluationMode.PolicySimulator,
            Discovery = discovery,
            ResourceMatch = coverage,
        });
    }
}

/// <summary>A scenario's decision, or why it could not be decided, and what the options ask for beyond it.</summary>
public readonly record struct ScenarioAnswer(Decision? Decision, ScenarioError? Error, SimulationExtras? Extras = null);
