using System.Text;
using CsCheck;

namespace Crossgate.Tests.Shared;

/// <summary>Inputs for the parsers' property tests: valid documents changed in one to four places, and random
/// bytes. <c>CROSSGATE_PROPERTY_ITERATIONS</c> sets how many each test tries (the long run uses 1,000,000); the
/// normal run tries 20,000.</summary>
internal static class ByteMutations
{
    public static readonly long Iterations =
        long.TryParse(Environment.GetEnvironmentVariable("CROSSGATE_PROPERTY_ITERATIONS"), out var n) ? n : 20_000;

    /// <summary>A byte replaced, removed or duplicated, a slice cut, or a JSON token spliced in; one input in ten is
    /// random bytes.</summary>
    public static Gen<byte[]> Of(IReadOnlyList<string> seeds)
    {
        string[] tokens = ["{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\\ud800", "null", "true", "1e999", "-0", "\"*\"", "\"${", "\u0001", "\uFFFF", "{\"a\":", "[[[[[[[[", "\"Statement\"", "\"Condition\"", "\"Principal\""];
        var mutated = Gen.Select(Gen.Int[0, seeds.Count - 1], Gen.Int[1, 4], Gen.Int[0, int.MaxValue].Array[8], Gen.Int[0, tokens.Length - 1]).Select(t =>
        {
            var (seed, count, choices, token) = t;
            var bytes = new List<byte>(Encoding.UTF8.GetBytes(seeds[seed]));
            for (var m = 0; m < count && bytes.Count > 0; m++)
            {
                var at = Math.Abs(choices[m % choices.Length]) % bytes.Count;
                switch (Math.Abs(choices[(m + 1) % choices.Length]) % 5)
                {
                    case 0: bytes[at] = (byte)choices[(m + 2) % choices.Length]; break;
                    case 1: bytes.RemoveAt(at); break;
                    case 2: bytes.Insert(at, bytes[at]); break;
                    case 3: bytes.RemoveRange(at, Math.Min(bytes.Count - at, Math.Abs(choices[(m + 3) % choices.Length]) % 16)); break;
                    default: bytes.InsertRange(at, Encoding.UTF8.GetBytes(tokens[token])); break;
                }
            }

            return bytes.ToArray();
        });
        return Gen.Frequency((9, mutated), (1, Gen.Byte.Array[0, 256]));
    }
}
