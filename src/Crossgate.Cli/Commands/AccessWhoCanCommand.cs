using System.CommandLine;
using Crossgate.Analysis.Output;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate access who-can ROLE_ARN</c>, or <c>who-can --action ACTION --resource ARN</c>: every principal
/// that can reach the role, or perform the action on the resource itself or after becoming another principal.</summary>
internal static class AccessWhoCanCommand
{
    public static Command Build()
    {
        var options = new AccessOptions();
        var target = new Argument<string?>("ROLE_ARN") { Description = "The role (or user) to reach.", Arity = ArgumentArity.ZeroOrOne };
        var action = new Option<string?>("--action") { Description = "An action (service:Name) to perform instead of a principal to reach." };
        var resource = new Option<string?>("--resource") { Description = "The resource ARN the action is performed on (with --action)." };
        var command = new Command("who-can", "List every principal that can reach a role, or perform an action on a resource.") { target, action, resource };
        options.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var (analysis, usage) = options.ParseOptions(parse);
            var roleArn = parse.GetValue(target);
            var actionName = parse.GetValue(action);
            var resourceArn = parse.GetValue(resource);
            usage ??= (roleArn, actionName, resourceArn) switch
            {
                (null, null, _) => "Name a ROLE_ARN, or --action ACTION --resource ARN.",
                (not null, not null, _) => "Give either a ROLE_ARN or --action, not both.",
                (null, not null, null) => "--action needs --resource ARN.",
                (null, not null, _) when !actionName!.Contains(':', StringComparison.Ordinal) => $"--action takes service:Action, not '{actionName}'.",
                _ => null,
            };
            if (usage is not null || analysis is null)
            {
                error.WriteLine(usage);
                return CrossgateCli.UsageError;
            }

            var graph = await options.BuildAsync(parse, analysis, cancellation);
            var result = roleArn is not null ? graph.WhoCan(roleArn) : graph.WhoCanPerform(actionName!, resourceArn!, analysis);
            if (!result.Found)
            {
                error.WriteLine($"{result.Target} is not a principal of the store or of its trust policies.");
                return 1;
            }

            AccessWriter.Entries(parse.InvocationConfiguration.Output, parse.GetValue(options.Output)!, graph, result.Principals,
                () => GraphJson.WhoCan(graph, result), actionName is null ? $"No principal can reach {result.Target}." : $"No principal can perform {actionName} on {result.Target}.");
            return 0;
        });
        return command;
    }
}
