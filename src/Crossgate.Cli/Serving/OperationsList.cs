using System.Text;
using Crossgate.Directory.Storage;
using Crossgate.Server.Application;
using Crossgate.Server.Hosting;
using Crossgate.Server.Protocols;

namespace Crossgate.Cli.Serving;

/// <summary>The operations the endpoint answers, read from the handlers it registers (not from a list kept by hand),
/// as the Markdown page <c>crossgate serve --list-operations</c> prints and <c>docs/operations.md</c> holds.</summary>
internal static class OperationsList
{
    public static async Task<string> RenderAsync(CancellationToken cancellationToken = default) =>
        Render(await OperationsAsync(cancellationToken));

    /// <summary>The handlers' operations, read from a registry built the way <c>crossgate serve</c> builds it.</summary>
    public static async Task<IReadOnlyList<(AwsService Service, string Operation)>> OperationsAsync(CancellationToken cancellationToken = default)
    {
        // Registration only keeps the services object; a throw-away store stands in for the real one.
        var scratch = System.IO.Directory.CreateTempSubdirectory("crossgate-operations-");
        try
        {
            await using var store = await SqliteDirectoryStore.OpenAsync(Path.Combine(scratch.FullName, SqliteDirectoryStore.FileName), cancellationToken);
            var registry = ServiceRegistration.RegisterAll(new HandlerRegistry(), new CrossgateServices(store));
            return registry.Operations.ToList();
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    public static string Render(IEnumerable<(AwsService Service, string Operation)> operations)
    {
        var text = new StringBuilder();
        text.Append("# Operations served by `crossgate serve`\n\n");
        text.Append("Generated from the endpoint's handlers by `crossgate serve --list-operations`; a test keeps this page equal to it.\n");
        text.Append("Any other operation is answered as AWS answers an unknown one (`InvalidAction` for IAM and STS, `UnknownOperationException`\n");
        text.Append("for Organizations).\n");
        foreach (var service in operations.GroupBy(o => o.Service).OrderBy(g => g.Key.SigningName, StringComparer.Ordinal))
        {
            var names = service.Select(o => o.Operation).Order(StringComparer.Ordinal).ToList();
            var protocol = service.Key.Protocol == WireProtocol.Query ? "Query protocol, XML answers" : "JSON 1.1 protocol";
            text.Append($"\n## {Title(service.Key.SigningName)}: {names.Count} operations ({protocol}, API version {service.Key.ApiVersion})\n\n");
            foreach (var name in names)
            {
                text.Append($"- {name}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>The README's summary: one line per service with its protocol and every operation, so that a test
    /// can keep the README equal to the handlers as it keeps docs/operations.md.</summary>
    public static string RenderSummary(IEnumerable<(AwsService Service, string Operation)> operations)
    {
        var text = new StringBuilder();
        foreach (var service in operations.GroupBy(o => o.Service).OrderBy(g => g.Key.SigningName, StringComparer.Ordinal))
        {
            var names = service.Select(o => o.Operation).Order(StringComparer.Ordinal).ToList();
            var protocol = service.Key.Protocol == WireProtocol.Query ? "Query" : "JSON 1.1";
            text.Append($"- **{Title(service.Key.SigningName)}** ({protocol}, {service.Key.ApiVersion}), {names.Count} operations: {string.Join(", ", names)}.\n");
        }

        return text.ToString();
    }

    private static string Title(string signingName) => signingName switch
    {
        "iam" => "IAM",
        "sts" => "STS",
        "organizations" => "Organizations",
        _ => signingName,
    };
}
