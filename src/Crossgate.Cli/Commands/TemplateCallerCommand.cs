using System.CommandLine;
using Crossgate.Platform.Templates;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate template caller --role-name NAME</c>: the identity policy that lets the platform assume its
/// role in every account. Exit 0 with the policy JSON on standard output, 2 on bad values.</summary>
internal static class TemplateCallerCommand
{
    public static Command Build()
    {
        var roleName = new Option<string>("--role-name")
        {
            Description = "The name of the role deployed in every target account.",
            Required = true,
        };
        var path = new Option<string>("--path")
        {
            Description = "The role's IAM path, e.g. /platform/.",
            DefaultValueFactory = _ => "/",
        };
        var callerArn = new Option<string?>("--caller-arn")
        {
            Description = "The platform's own user or role ARN: adds the statements that let it ask IAM's simulator about itself, "
                          + "so onboarding can say which side refuses an AssumeRole.",
        };
        var command = new Command("caller", "Write the platform's identity policy allowing sts:AssumeRole on its role in every account.")
        {
            roleName, path, callerArn,
        };
        command.SetAction(parse =>
        {
            var result = CallerPolicyBuilder.Build(parse.GetValue(roleName)!, parse.GetValue(path)!, parse.GetValue(callerArn));
            if (!result.Success)
            {
                return TemplateErrorWriter.Report(result.Error, parse.InvocationConfiguration.Error);
            }

            var output = parse.InvocationConfiguration.Output;
            output.Write(TemplateText.Render(result.Policy, TemplateFormat.Json));
            output.Flush();
            return 0;
        });
        return command;
    }
}
