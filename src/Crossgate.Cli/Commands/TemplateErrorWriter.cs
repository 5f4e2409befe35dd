using Crossgate.Platform.Templates;

namespace Crossgate.Cli.Commands;

/// <summary>Reports a template that could not be made: bad values are usage errors (exit 2), a refused policy is
/// the command's negative answer (exit 1) with IAM's errors.</summary>
internal static class TemplateErrorWriter
{
    public static int Report(TemplateError templateError, TextWriter error)
    {
        error.WriteLine(templateError.Message);
        foreach (var policyError in templateError.PolicyErrors)
        {
            error.WriteLine($"  {policyError.Code} at {policyError.Path}: {policyError.Message}");
        }

        return templateError.Kind == TemplateErrorKind.InvalidInput ? CrossgateCli.UsageError : 1;
    }
}
