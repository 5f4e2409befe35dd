using System.CommandLine;
using Crossgate.Platform.Templates;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate template role --trusted-account ID …</c>: a CloudFormation template creating the role the
/// platform assumes in each target account, ready for a StackSet. Exit 0 with the template on standard output, 1
/// when a policy to embed is invalid, 2 on bad values.</summary>
internal static class TemplateRoleCommand
{
    public static Command Build()
    {
        var trustedAccount = new Option<string>("--trusted-account")
        {
            Description = "The platform's 12-digit account, trusted to assume the role.",
            Required = true,
        };
        var trustedRole = new Option<string?>("--trusted-role-arn")
        {
            Description = "Trust only this role of the trusted account (recommended), not every principal in it.",
        };
        var roleName = new Option<string>("--role-name")
        {
            Description = "The role's name, the same in every account.",
            DefaultValueFactory = _ => RoleTemplateRequest.DefaultRoleName,
        };
        var externalId = new Option<string?>("--external-id") { Description = "Require this external id in AssumeRole." };
        var policies = new Option<FileInfo[]>("--permissions", "--policy")
        {
            Description = "A permission profile (an identity policy JSON file) to embed as an inline policy (repeatable).",
            DefaultValueFactory = _ => [],
        };
        var noSelfCheck = new Option<bool>("--no-self-check")
        {
            Description = "Leave out the statement the platform's online account check needs on the role itself (iam:SimulatePrincipalPolicy and reading its own policies).",
        };
        var managed = new Option<string[]>("--managed-policy")
        {
            Description = "A managed policy ARN to attach (repeatable).",
            DefaultValueFactory = _ => [],
        };
        var maxSession = new Option<int?>("--max-session-duration")
        {
            Description = "The longest session in seconds, 3600 to 43200 (default 3600).",
        };
        var format = TemplateFormatOption.Create();

        var command = new Command("role", "Write a CloudFormation template for the platform's role in a target account.")
        {
            trustedAccount, trustedRole, roleName, externalId, policies, managed, maxSession, noSelfCheck, format,
        };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var inline = new List<InlinePolicySource>();
            foreach (var file in parse.GetValue(policies) ?? [])
            {
                if (!file.Exists)
                {
                    error.WriteLine($"File not found: {file.FullName}");
                    return CrossgateCli.UsageError;
                }

                inline.Add(new InlinePolicySource(PolicyNameFor(file), File.ReadAllText(file.FullName)));
            }

            var request = new RoleTemplateRequest
            {
                TrustedAccountId = parse.GetValue(trustedAccount)!,
                TrustedRoleArn = parse.GetValue(trustedRole),
                RoleName = parse.GetValue(roleName)!,
                ExternalId = parse.GetValue(externalId),
                InlinePolicies = inline,
                ManagedPolicyArns = parse.GetValue(managed) ?? [],
                MaxSessionDuration = parse.GetValue(maxSession),
                IncludeSelfCheck = !parse.GetValue(noSelfCheck),
            };
            var result = RoleTemplateBuilder.Build(request);
            if (!result.Success)
            {
                return TemplateErrorWriter.Report(result.Error, error);
            }

            var output = parse.InvocationConfiguration.Output;
            output.Write(TemplateText.Render(result.Template, TemplateFormatOption.Parse(parse.GetValue(format))));
            output.Flush();
            return 0;
        });
        return command;
    }

    /// <summary>The inline policy's name in IAM: the file's name without extension, reduced to IAM's characters.</summary>
    private static string PolicyNameFor(FileInfo file)
    {
        var stem = Path.GetFileNameWithoutExtension(file.Name);
        var name = new string([.. stem.Select(c => char.IsAsciiLetterOrDigit(c) || "_+=,.@-".Contains(c) ? c : '-')]);
        if (name.Length > 128)
        {
            name = name[..128];
        }

        return name.Length == 0 ? "PlatformPolicy" : name;
    }
}
