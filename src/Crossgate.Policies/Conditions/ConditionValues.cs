using System.Collections.Immutable;

namespace Crossgate.Policies.Conditions;

/// <summary>Turns a condition's values into their compiled form with a plain loop: conditions are compiled for
/// every policy read, and a LINQ pipeline would cost an enumerator and a closure each time.</summary>
internal static class ConditionValues
{
    public static T[] Map<T>(ImmutableArray<string> values, Func<string, T> compile)
    {
        var compiled = new T[values.Length];
        for (var i = 0; i < compiled.Length; i++)
        {
            compiled[i] = compile(values[i]);
        }

        return compiled;
    }

    public static T[] Map<T>(ImmutableArray<string> values, bool flag, Func<string, bool, T> compile)
    {
        var compiled = new T[values.Length];
        for (var i = 0; i < compiled.Length; i++)
        {
            compiled[i] = compile(values[i], flag);
        }

        return compiled;
    }
}
