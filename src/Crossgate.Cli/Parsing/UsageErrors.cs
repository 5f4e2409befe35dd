using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace Crossgate.Cli.Parsing;

/// <summary>Turns a parse into the few lines a person needs: an unknown command or option with "did you mean", an
/// option-looking word never taken as a file name, and no .NET type names. Empty when the command line is fine.</summary>
internal static partial class UsageErrors
{
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        var commandResult = parse.CommandResult;
        var command = commandResult.Command;
        var path = CommandPath(commandResult);
        var lines = new List<string>();

        // A word such as --outptu is either left unmatched or, where the command takes a FILE, swallowed as the file's
        // name; both are an unknown option. What follows it (its value, a displaced argument) needs no second message.
        var unknownOptions = new List<string>();
        foreach (var child in commandResult.Children)
        {
            if (child is ArgumentResult argument)
            {
                unknownOptions.AddRange(argument.Tokens.Select(t => t.Value).Where(LooksLikeOption));
            }
        }

        unknownOptions.AddRange(parse.UnmatchedTokens.Where(LooksLikeOption));
        foreach (var option in unknownOptions.Distinct(StringComparer.Ordinal))
        {
            lines.Add($"Unknown option '{option}' for '{path}'.{Suggestions.DidYouMean(option, OptionNames(commandResult))}");
        }

        if (lines.Count > 0)
        {
            return lines;
        }

        var words = parse.UnmatchedTokens.Where(t => !LooksLikeOption(t)).ToList();
        if (command.Subcommands.Count > 0 && words.Count > 0)
        {
            lines.Add($"Unknown command '{words[0]}' for '{path}'.{Suggestions.DidYouMean(words[0], command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}");
            return lines;
        }

        foreach (var error in parse.Errors)
        {
            lines.Add(Plain(error.Message));
            if (error.Message.StartsWith("Required command was not provided", StringComparison.Ordinal) && command.Subcommands.Count > 0)
            {
                lines.Add($"Commands of '{path}': {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}.");
            }
        }

        return lines;
    }

    /// <summary>"crossgate policy validate": the command the user was typing, for messages and the help hint.</summary>
    public static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult { Command: var c })
            {
                names.Add(c is RootCommand ? "crossgate" : c.Name);
            }
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    private static bool LooksLikeOption(string token) => token.Length > 1 && token[0] == '-' && !char.IsAsciiDigit(token[1]);

    private static IEnumerable<string> OptionNames(CommandResult result)
    {
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is not CommandResult { Command: var command })
            {
                continue;
            }

            foreach (var option in command.Options)
            {
                if (option.Hidden || (!ReferenceEquals(current, result) && !option.Recursive))
                {
                    continue;
                }

                yield return option.Name;
                foreach (var alias in option.Aliases)
                {
                    if (alias.StartsWith("--", StringComparison.Ordinal))
                    {
                        yield return alias;
                    }
                }
            }
        }
    }

    /// <summary>System.CommandLine's messages, with the value's kind in words instead of a .NET type name.</summary>
    public static string Plain(string message)
    {
        var conversion = ConversionMessage().Match(message);
        if (conversion.Success)
        {
            return $"{conversion.Groups["symbol"].Value} expects {Kind(conversion.Groups["type"].Value)}, not '{conversion.Groups["value"].Value}'.";
        }

        return TypeName().Replace(message, m => Kind(m.Groups["type"].Value));
    }

    private static string Kind(string typeName) => typeName switch
    {
        _ when typeName.Contains("Int32", StringComparison.Ordinal) || typeName.Contains("Int64", StringComparison.Ordinal) => "a whole number",
        _ when typeName.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when typeName.Contains("Double", StringComparison.Ordinal) || typeName.Contains("Decimal", StringComparison.Ordinal) => "a number",
        _ when typeName.Contains("FileInfo", StringComparison.Ordinal) => "a file name",
        _ => "a valid value",
    };

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?:option|command|argument) '(?<symbol>[^']*)' as expected type '(?<type>[^']*)'\.")]
    private static partial Regex ConversionMessage();

    [GeneratedRegex(@"'(?<type>System\.[\w.`\[\],]+)'")]
    private static partial Regex TypeName();
}
