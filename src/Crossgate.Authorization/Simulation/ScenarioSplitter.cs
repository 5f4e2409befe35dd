using System.Buffers;

namespace Crossgate.Authorization.Simulation;

/// <summary>Finds where each scenario of an input starts and ends without building a tree: one forward pass that
/// follows strings and bracket nesting and nothing else. Each scenario's own JSON is checked when it is read; this
/// pass only needs the structure, so a file of tens of thousands of scenarios is split at close to memory speed and
/// the scenarios can then be read in parallel.</summary>
public sealed class ScenarioSplitter
{
    /// <summary>The deepest nesting accepted, as for the scenario reader.</summary>
    public const int MaxDepth = JsonStructure.MaxDepth;

    private static readonly SearchValues<byte> ScalarEnd = SearchValues.Create(",]}[{\" \t\r\n"u8);

    private readonly ReadOnlyMemory<byte> _input;
    private readonly int _start;
    private int _position;
    private State _state;

    public ScenarioSplitter(ReadOnlyMemory<byte> utf8)
    {
        _input = utf8;
        _start = utf8.Span.StartsWith("\uFEFF"u8) ? 3 : 0;
        _position = _start;
    }

    private enum State
    {
        NotStarted,
        FirstElement,
        NextElement,
        Done,
        Failed,
    }

    /// <summary>True once the input has shown itself to be an array of scenarios.</summary>
    public bool IsArray { get; private set; }

    /// <summary>Why the input cannot be split, once that is known.</summary>
    public string? Error { get; private set; }

    /// <summary>Splits a whole input into its scenarios: one span for a lone object, one per element for an array.
    /// Returns false with a message when the input's structure is broken or it is neither an object nor an array.</summary>
    public static bool TrySplit(ReadOnlyMemory<byte> utf8, out bool isArray, out List<ScenarioSpan> scenarios, out string? error)
    {
        var splitter = new ScenarioSplitter(utf8);
        scenarios = [];
        Span<ScenarioSpan> found = stackalloc ScenarioSpan[64];
        int count;
        while ((count = splitter.Next(found)) > 0)
        {
            foreach (var span in found[..count])
            {
                scenarios.Add(span);
            }
        }

        isArray = splitter.IsArray;
        error = splitter.Error;
        return error is null;
    }

    /// <summary>Finds up to <c>into.Length</c> further scenarios. Returns how many it found; 0 once the input is
    /// used up or broken (then <see cref="Error"/> says why).</summary>
    public int Next(Span<ScenarioSpan> into)
    {
        var utf8 = _input.Span;
        var found = 0;
        while (found < into.Length)
        {
            switch (_state)
            {
                case State.NotStarted:
                    if (!Begin(utf8, into, ref found))
                    {
                        return found;
                    }

                    break;
                case State.FirstElement or State.NextElement:
                    if (!Element(utf8, into, ref found))
                    {
                        return found;
                    }

                    break;
                default:
                    return found;
            }
        }

        return found;
    }

    private bool Begin(ReadOnlySpan<byte> utf8, Span<ScenarioSpan> into, ref int found)
    {
        var whole = utf8[_start..];
        var i = SkipWhitespace(utf8, _start);
        if (i >= utf8.Length)
        {
            return Fail(NotJson(whole, "The input is empty."));
        }

        if (utf8[i] == (byte)'{')
        {
            if (!TryScanValue(utf8, i, out var end) || SkipWhitespace(utf8, end) != utf8.Length)
            {
                return Fail(NotJson(whole, "The input has unbalanced brackets or text after the scenario."));
            }

            into[found++] = new ScenarioSpan(i, end - i);
            _state = State.Done;
            return false;
        }

        if (utf8[i] != (byte)'[')
        {
            return Fail(IsJson(whole)
                ? "The input must be a scenario object or an array of them."
                : NotJson(whole, "The input is not a JSON object or array."));
        }

        IsArray = true;
        _position = SkipWhitespace(utf8, i + 1);
        if (_position < utf8.Length && utf8[_position] == (byte)']')
        {
            return Finish(utf8, _position + 1);
        }

        _state = State.FirstElement;
        return true;
    }

    private bool Element(ReadOnlySpan<byte> utf8, Span<ScenarioSpan> into, ref int found)
    {
        var i = _position;
        if (i >= utf8.Length || !TryScanValue(utf8, i, out var end))
        {
            return Fail(NotJson(utf8[_start..], "The array of scenarios is not closed or a scenario's brackets do not balance."));
        }

        into[found++] = new ScenarioSpan(i, end - i);
        i = SkipWhitespace(utf8, end);
        if (i < utf8.Length && utf8[i] == (byte)',')
        {
            _position = SkipWhitespace(utf8, i + 1);
            _state = State.NextElement;
            return true;
        }

        if (i < utf8.Length && utf8[i] == (byte)']')
        {
            return Finish(utf8, i + 1);
        }

        return Fail(NotJson(utf8[_start..], "Scenarios in the array must be separated by commas."));
    }

    private bool Finish(ReadOnlySpan<byte> utf8, int afterArray)
    {
        if (SkipWhitespace(utf8, afterArray) != utf8.Length)
        {
            return Fail(NotJson(utf8[_start..], "Text follows the array of scenarios."));
        }

        _state = State.Done;
        return false;
    }

    private bool Fail(string error)
    {
        Error = error;
        _state = State.Failed;
        return false;
    }

    /// <summary>Finds the end of the value starting at <paramref name="i"/>: a bracketed value up to its matching
    /// bracket, a string to its closing quote, anything else up to the next delimiter.</summary>
    private static bool TryScanValue(ReadOnlySpan<byte> utf8, int i, out int end)
    {
        end = i;
        var first = utf8[i];
        if (first == (byte)'"')
        {
            return TrySkipString(utf8, i, out end);
        }

        if (first is not ((byte)'{' or (byte)'['))
        {
            var length = utf8[i..].IndexOfAny(ScalarEnd);
            end = length < 0 ? utf8.Length : i + length;
            return end > i;
        }

        return JsonStructure.TryFindEnd(utf8, i, out end);
    }

    /// <summary>Skips a string whose opening quote is at <paramref name="i"/>; <paramref name="end"/> is just past
    /// its closing quote.</summary>
    private static bool TrySkipString(ReadOnlySpan<byte> utf8, int i, out int end)
    {
        for (var j = i + 1; j < utf8.Length; j++)
        {
            var c = utf8[j];
            if (c == (byte)'"')
            {
                end = j + 1;
                return true;
            }

            if (c == (byte)'\\')
            {
                // A backslash escapes the byte after it, which may be a quote.
                j++;
            }
        }

        end = utf8.Length;
        return false;
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> utf8, int i)
    {
        while (i < utf8.Length && utf8[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }

    private static bool IsJson(ReadOnlySpan<byte> utf8) => JsonStructure.FaultIn(utf8) is null;

    /// <summary>Only on the error path: the JSON reader's own account of what is wrong, with its position.</summary>
    private static string NotJson(ReadOnlySpan<byte> utf8, string fallback) =>
        $"The input is not valid JSON: {JsonStructure.FaultIn(utf8) ?? fallback}";
}

/// <summary>Where one scenario lies in the input, in bytes.</summary>
public readonly record struct ScenarioSpan(int Start, int Length);
