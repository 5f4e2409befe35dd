using System.Text;
using Crossgate.Authorization.Simulation;

namespace Crossgate.Authorization.Tests.Simulation;

/// <summary>Splitting an input into its scenarios by structure alone: exact spans for good input, one fault for a
/// broken one, and never a span cut inside a string.</summary>
public class ScenarioSplitterTests
{
    [Theory]
    [InlineData("[]", new string[0])]
    [InlineData(" [ ] ", new string[0])]
    [InlineData("{\"request\": {}}", new[] { "{\"request\": {}}" })]
    [InlineData("\uFEFF[{\"a\": 1}]", new[] { "{\"a\": 1}" })]
    [InlineData("[{\"a\": \"]}\"}, {\"b\": [1, {\"c\": \"\\\"}\"}]}]", new[] { "{\"a\": \"]}\"}", "{\"b\": [1, {\"c\": \"\\\"}\"}]}" })]
    [InlineData("[\n  {},\n  7,\n  \"text\",\n  true\n]\n", new[] { "{}", "7", "\"text\"", "true" })]
    public void Splits_where_each_scenario_starts_and_ends(string input, string[] expected)
    {
        var bytes = Encoding.UTF8.GetBytes(input);

        Assert.True(ScenarioSplitter.TrySplit(bytes, out _, out var spans, out var error), error);
        Assert.Equal(expected, spans.Select(s => Encoding.UTF8.GetString(bytes, s.Start, s.Length)).ToArray());
    }

    [Fact]
    public void A_long_array_comes_out_in_order_across_many_calls()
    {
        var input = "[" + string.Join(",", Enumerable.Range(0, 1000).Select(i => $"{{\"n\": {i}, \"s\": \"{new string('x', i % 90)}\\\\\"}}")) + "]";
        var bytes = Encoding.UTF8.GetBytes(input);
        var splitter = new ScenarioSplitter(bytes);
        var found = new List<ScenarioSpan>();
        var batch = new ScenarioSpan[7];
        int count;
        while ((count = splitter.Next(batch)) > 0)
        {
            found.AddRange(batch.AsSpan(0, count).ToArray());
        }

        Assert.Null(splitter.Error);
        Assert.True(splitter.IsArray);
        Assert.Equal(1000, found.Count);
        Assert.StartsWith("{\"n\": 999,", Encoding.UTF8.GetString(bytes, found[999].Start, found[999].Length));
    }

    [Theory]
    [InlineData("", "The input is not valid JSON")]
    [InlineData("not json", "The input is not valid JSON")]
    [InlineData("42", "The input must be a scenario object or an array of them.")]
    [InlineData("\"text\"", "The input must be a scenario object or an array of them.")]
    [InlineData("[{}, ]", "The input is not valid JSON")]
    [InlineData("[{} {}]", "The input is not valid JSON")]
    [InlineData("[{}, {}", "The input is not valid JSON")]
    [InlineData("[{\"a\": [}]", "The input is not valid JSON")]
    [InlineData("[{}] extra", "The input is not valid JSON")]
    [InlineData("{} {}", "The input is not valid JSON")]
    [InlineData("[{\"a\": \"open}]", "The input is not valid JSON")]
    public void A_broken_input_gets_one_fault(string input, string message)
    {
        Assert.False(ScenarioSplitter.TrySplit(Encoding.UTF8.GetBytes(input), out _, out _, out var error));
        Assert.StartsWith(message, error);
    }
}
