namespace Crossgate.Policies.Linting;

/// <summary>One linter finding: severity, issue code (Access Analyzer's where it has one, see
/// <see cref="FindingCodes"/>), message, and the JSON path it concerns (e.g. <c>Statement[0].Action[1]</c>).</summary>
public sealed record PolicyFinding(FindingSeverity Severity, string Code, string Message, string Path)
{
    public override string ToString() => $"{Severity} {Code}: {Message} (at {Path})";
}
