using System.Globalization;

namespace Crossgate.Directory.Validation;

/// <summary>Collects constraint failures in AWS's wording and turns them into one <c>ValidationError</c>.</summary>
public sealed class ValidationFailures
{
    private readonly List<string> _failures = [];

    public bool Any => _failures.Count > 0;

    public void Pattern(string value, string member, string pattern) =>
        _failures.Add($"Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: {pattern}");

    public void MaxLength(string value, string member, int max) =>
        _failures.Add($"Value '{value}' at '{member}' failed to satisfy constraint: Member must have length less than or equal to {max}");

    public void MinLength(string value, string member, int min) =>
        _failures.Add($"Value '{value}' at '{member}' failed to satisfy constraint: Member must have length greater than or equal to {min}");

    public void MinValue(long value, string member, long min) =>
        _failures.Add($"Value '{value.ToString(CultureInfo.InvariantCulture)}' at '{member}' failed to satisfy constraint: Member must have value greater than or equal to {min}");

    public void MaxValue(long value, string member, long max) =>
        _failures.Add($"Value '{value.ToString(CultureInfo.InvariantCulture)}' at '{member}' failed to satisfy constraint: Member must have value less than or equal to {max}");

    public IamError? ToError() => _failures.Count == 0 ? null : IamError.Validation(_failures);
}
