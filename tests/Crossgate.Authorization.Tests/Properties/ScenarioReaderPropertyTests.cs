using System.Text;
using Crossgate.Authorization.Simulation;
using CsCheck;

namespace Crossgate.Authorization.Tests.Properties;

/// <summary>The scenario reader answers every input (the example scenario and its byte-level mutations, random
/// bytes) with scenarios or documented faults, never an exception. <c>CROSSGATE_PROPERTY_ITERATIONS</c> sets the count
/// (the long run uses 1,000,000); the normal run tries 20,000.</summary>
public sealed class ScenarioReaderPropertyTests
{
    private static readonly long Iterations = long.TryParse(Environment.GetEnvironmentVariable("CROSSGATE_PROPERTY_ITERATIONS"), out var n) ? n : 20_000;

    private static readonly string[] Seeds =
    [
        File.ReadAllText(Path.Combine(RepositoryRoot(), "examples", "scenarios", "alex-assume-crossaccount-b.json")),
        """[{"request":{"principal":"arn:aws:iam::111111111111:role/R","sessionName":"s","action":"s3:GetObject","resource":"arn:aws:s3:::b/k","context":{"aws:SourceIp":"10.0.0.1"},"principalTags":{"t":"v"}},"identityPolicies":[{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}],"permissionsBoundary":{"name":"b","document":{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}},"serviceControlPolicies":[[]],"resourceControlPolicies":[[]]}]""",
    ];

    [Fact]
    public void Any_mutation_of_a_scenario_file_is_read_without_throwing() =>
        Mutations(Seeds).Sample(bytes =>
        {
            var read = ScenarioReader.TryRead(bytes, out _, out var results, out var fatal);
            return read ? results.All(r => (r.Scenario is null) != (r.Error is null)) : fatal is not null;
        }, iter: Iterations);

    /// <summary>Valid documents changed in one to four places: a byte replaced, removed or duplicated, a slice cut,
    /// or a JSON token spliced in; plus random bytes.</summary>
    internal static Gen<byte[]> Mutations(IReadOnlyList<string> seeds)
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

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Crossgate.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Crossgate.sln not found");
    }
}
