using System.CommandLine;
using Crossgate.Platform.Registry;
using Crossgate.Platform.Templates;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate accounts policy [--require-role-name-contains TEXT]</c>: sets (or, without options, shows)
/// the registry's rules. An empty TEXT removes the name rule.</summary>
internal static class AccountsPolicyCommand
{
    public static Command Build()
    {
        var options = new AccountsOptions();
        var fragment = new Option<string?>("--require-role-name-contains")
        {
            Description = "Refuse roles whose name lacks this text (empty: no rule).",
        };
        var command = new Command("policy", "Set or show the registry's rules for new registrations.") { fragment };
        options.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var registry = await options.OpenRegistryAsync(parse, cancellation);
            var writer = parse.InvocationConfiguration.Output;
            if (parse.GetResult(fragment) is not null)
            {
                await registry.SetPolicyAsync(new RegistryPolicy(parse.GetValue(fragment)), cancellation);
            }

            var policy = await registry.GetPolicyAsync(cancellation);
            writer.WriteLine(policy.RequireRoleNameContains is null
                ? "Role names: no required fragment."
                : $"Role names must contain '{policy.RequireRoleNameContains}'.");

            // Existing registrations keep their place, but say which ones the rule would now refuse.
            foreach (var account in await registry.ListAsync(cancellation))
            {
                if (RoleArn.TryParse(account.RoleArn, out var arn, out _) && RegistrationRules.CheckRoleName(arn!, policy) is not null)
                {
                    writer.WriteLine($"Note: '{account.Alias}' ({account.RoleArn}) was registered before this rule and does not meet it.");
                }
            }

            writer.Flush();
            return 0;
        });
        return command;
    }
}
