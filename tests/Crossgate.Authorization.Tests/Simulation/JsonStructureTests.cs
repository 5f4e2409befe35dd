using System.Text;
using Crossgate.Authorization.Simulation;

namespace Crossgate.Authorization.Tests.Simulation;

/// <summary>The vector walk that finds where a scenario or policy ends must agree with a plain reading of the
/// JSON, whatever the strings hold and wherever the 64-byte blocks fall.</summary>
public class JsonStructureTests
{
    [Fact]
    public void Finds_the_end_of_random_values_followed_by_more_text()
    {
        var random = new Random(20261123);
        for (var round = 0; round < 3_000; round++)
        {
            var value = new StringBuilder();
            Value(random, value, 0, container: true);
            var prefix = new string(' ', random.Next(0, 70));
            var text = Encoding.UTF8.GetBytes(prefix + value + ", {\"next\": [1, \"]\"]}");

            Assert.True(JsonStructure.TryFindEnd(text, prefix.Length, out var end), value.ToString());
            Assert.Equal(prefix.Length + Encoding.UTF8.GetByteCount(value.ToString()), end);

            // Cut anywhere inside, the value never ends.
            var cut = text[..(prefix.Length + random.Next(1, Encoding.UTF8.GetByteCount(value.ToString())))];
            Assert.False(JsonStructure.TryFindEnd(cut, prefix.Length, out _));
        }
    }

    [Theory]
    [InlineData("{\"a\": [1, 2}")]
    [InlineData("[{]}")]
    [InlineData("{\"a\": \"unclosed}")]
    [InlineData("{\"a\": \"escaped quote \\\"}\"")]
    public void Broken_structure_is_refused(string text) =>
        Assert.False(JsonStructure.TryFindEnd(Encoding.UTF8.GetBytes(text), 0, out _));

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var deep = new string('[', JsonStructure.MaxDepth + 1) + new string(']', JsonStructure.MaxDepth + 1);
        var limit = new string('[', JsonStructure.MaxDepth) + new string(']', JsonStructure.MaxDepth);

        Assert.False(JsonStructure.TryFindEnd(Encoding.UTF8.GetBytes(deep), 0, out _));
        Assert.True(JsonStructure.TryFindEnd(Encoding.UTF8.GetBytes(limit), 0, out var end));
        Assert.Equal(limit.Length, end);
    }

    private static void Value(Random random, StringBuilder text, int depth, bool container = false)
    {
        var kind = container || depth < 2 ? random.Next(0, 2) : random.Next(0, 5);
        switch (kind)
        {
            case 0:
                text.Append('{');
                var members = random.Next(0, depth > 4 ? 2 : 5);
                for (var i = 0; i < members; i++)
                {
                    text.Append(i > 0 ? ", " : " ");
                    String(random, text);
                    text.Append(": ");
                    Value(random, text, depth + 1);
                }

                text.Append('}');
                break;
            case 1:
                text.Append('[');
                var items = random.Next(0, depth > 4 ? 2 : 5);
                for (var i = 0; i < items; i++)
                {
                    text.Append(i > 0 ? "," : string.Empty);
                    Value(random, text, depth + 1);
                }

                text.Append(']');
                break;
            case 2:
                String(random, text);
                break;
            case 3:
                text.Append(random.Next(-1000, 1000));
                break;
            default:
                text.Append(random.Next(0, 3) switch { 0 => "true", 1 => "false", _ => "null" });
                break;
        }
    }

    // Strings full of what could mislead a structural walk: brackets, escaped quotes and backslashes, long runs.
    private static readonly string[] Pieces = ["a", "{", "}", "[", "]", "\\\"", "\\\\", "\\n", "\\u0041", ",", ":", " ", "é", "💡", "arn:aws:iam::111111111111:role/Some-Long-Role-Name"];

    private static void String(Random random, StringBuilder text)
    {
        text.Append('"');
        var pieces = random.Next(0, 12);
        for (var i = 0; i < pieces; i++)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        text.Append('"');
    }
}
