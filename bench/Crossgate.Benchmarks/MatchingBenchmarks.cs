using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Benchmarks;

/// <summary>Statement compilation and the per-request matching hot path (which should show 0 B allocated).</summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private Statement _source = null!;
    private CompiledStatement _stringLike = null!;
    private CompiledStatement _ipAddress = null!;
    private CompiledStatement _dateLessThan = null!;
    private CompiledStatement _arnWithVariable = null!;
    private RequestContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        _source = Make(
            ["s3:GetObject", "s3:List*"],
            ["arn:aws:s3:::bucket/${aws:username}/*"],
            Cond("StringLike", "s3:prefix", "${aws:username}/*", "public/*"),
            Cond("IpAddress", "aws:SourceIp", "10.0.0.0/8", "203.0.113.0/24"),
            Cond("DateLessThan", "aws:CurrentTime", "2030-01-01T00:00:00Z"));
        _stringLike = Compile(Make(["*"], ["*"], Cond("StringLike", "s3:prefix", "${aws:username}/*", "public/*")));
        _ipAddress = Compile(Make(["*"], ["*"], Cond("IpAddress", "aws:SourceIp", "10.0.0.0/8", "2001:db8::/32", "203.0.113.0/24")));
        _dateLessThan = Compile(Make(["*"], ["*"], Cond("DateLessThan", "aws:CurrentTime", "2030-01-01T00:00:00Z")));
        _arnWithVariable = Compile(Make(["*"], ["arn:aws:s3:::bucket/${aws:username}/*"]));

        _context = new RequestContext { Action = "s3:GetObject", Resource = "arn:aws:s3:::bucket/bob/docs/report.pdf" };
        _context.Keys.Set("aws:username", "bob");
        _context.Keys.Set("s3:prefix", "bob/docs");
        _context.Keys.Set("aws:SourceIp", "203.0.113.7");
        _context.Keys.Set("aws:CurrentTime", "2026-01-15T10:00:00Z");
    }

    [Benchmark]
    public CompiledStatement CompileStatement() => CompiledStatement.Compile(_source, supportsPolicyVariables: true);

    [Benchmark]
    public bool StringLikeWithVariable() => _stringLike.MatchesConditions(_context, null);

    [Benchmark]
    public bool IpAddress() => _ipAddress.MatchesConditions(_context, null);

    [Benchmark]
    public bool DateLessThan() => _dateLessThan.MatchesConditions(_context, null);

    [Benchmark]
    public bool ArnMatchWithVariable() => _arnWithVariable.MatchesResource(_context);

    private static CompiledStatement Compile(Statement statement) => CompiledStatement.Compile(statement, supportsPolicyVariables: true);

    private static Condition Cond(string op, string key, params string[] values)
    {
        ConditionOperator.TryParse(op, out var parsed);
        return new Condition(parsed, key, ImmutableArray.Create(values));
    }

    private static Statement Make(string[] actions, string[] resources, params Condition[] conditions) => new()
    {
        Index = 0,
        Effect = Effect.Allow,
        Actions = ImmutableArray.Create(actions),
        Resources = ImmutableArray.Create(resources),
        HasResource = true,
        Condition = new ConditionBlock(ImmutableArray.Create(conditions)),
    };
}
