using System.Text.RegularExpressions;

namespace Crossgate.Server.Validation;

/// <summary>Collects constraint failures the way AWS's Query services report them:
/// <c>N validation error(s) detected: Value 'v' at 'member' failed to satisfy constraint: …</c>, joined by "; ".</summary>
public sealed class ParameterValidation
{
    private readonly List<string> _failures = [];

    public bool IsValid => _failures.Count == 0;

    public ParameterValidation Length(string member, string? value, int min, int max)
    {
        if (value is null)
        {
            return this;
        }

        if (value.Length < min)
        {
            Fail(member, value, $"Member must have length greater than or equal to {min}");
        }
        else if (value.Length > max)
        {
            Fail(member, value, $"Member must have length less than or equal to {max}");
        }

        return this;
    }

    public ParameterValidation Pattern(string member, string? value, Regex regex, string patternText)
    {
        if (value is not null && !regex.IsMatch(value))
        {
            Fail(member, value, $"Member must satisfy regular expression pattern: {patternText}");
        }

        return this;
    }

    public ParameterValidation Range(string member, long? value, long min, long max)
    {
        if (value is not { } number)
        {
            return this;
        }

        if (number < min)
        {
            Fail(member, number.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Member must have value greater than or equal to {min}");
        }
        else if (number > max)
        {
            Fail(member, number.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Member must have value less than or equal to {max}");
        }

        return this;
    }

    public ParameterValidation Required(string member, string? value)
    {
        if (value is null)
        {
            _failures.Add($"Value null at '{member}' failed to satisfy constraint: Member must not be null");
        }

        return this;
    }

    public void Fail(string member, string value, string constraint) =>
        _failures.Add($"Value '{value}' at '{member}' failed to satisfy constraint: {constraint}");

    /// <summary>AWS's ValidationError message, or null when every constraint held.</summary>
    public string? Message => _failures.Count switch
    {
        0 => null,
        1 => $"1 validation error detected: {_failures[0]}",
        _ => $"{_failures.Count} validation errors detected: {string.Join("; ", _failures)}",
    };
}
