using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Crossgate.Authorization.Simulation;

/// <summary>One worker's tools for answering a run of consecutive scenarios: its own policy cache, JSON writer
/// and buffers, reused from run to run so that steady work touches no new memory. The bytes of a run are exactly
/// what one writer over the whole input would have written for those scenarios, so runs can be joined in order.</summary>
internal sealed class ChunkRenderer
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ReadOnlyMemory<byte> _input;
    private readonly bool _isArray;
    private readonly SimulationFormat _format;
    private readonly CompiledPolicyCache _cache = new();
    private readonly ArrayBufferWriter<byte> _bytes = new(1 << 16);
    private readonly StringBuilder _text = new();
    private Utf8JsonWriter? _json;

    public ChunkRenderer(ReadOnlyMemory<byte> input, bool isArray, SimulationFormat format)
    {
        _input = input;
        _isArray = isArray;
        _format = format;
    }

    /// <summary>Scenarios found invalid so far by this renderer.</summary>
    public int Invalid { get; private set; }

    /// <summary>Answers a run of scenarios, the first being number <paramref name="first"/> of the input, into a pooled array; the
    /// caller returns it to <see cref="ArrayPool{T}.Shared"/>. In JSON an array input's run starts with the
    /// '[' a writer needs to indent its elements, which the joiner drops.</summary>
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
        if (_json is null)
        {
            _json = new Utf8JsonWriter(_bytes, JsonOptions);
        }
        else
        {
            _json.Reset(_bytes);
        }

        if (_isArray)
        {
            _json.WriteStartArray();
        }

        for (var i = 0; i < run.Length; i++)
        {
            var answer = Answer(run[i], first + i);
            if (answer.Decision is { } decision)
            {
                DecisionJsonWriter.Write(_json, decision);
            }
            else
            {
                DecisionJsonWriter.WriteError(_json, answer.Error!);
            }
        }

        _json.Flush();
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
                DecisionTextWriter.Write(_text, label, decision);
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
            return new ScenarioAnswer(Authorizer.Authorize(scenario.Request, scenario.Policies), null);
        }

        Invalid++;
        return new ScenarioAnswer(null, read.Error);
    }
}

/// <summary>A scenario's decision, or why it could not be decided.</summary>
public readonly record struct ScenarioAnswer(Decision? Decision, ScenarioError? Error);
