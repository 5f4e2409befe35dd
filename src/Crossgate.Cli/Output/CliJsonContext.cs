using System.Text.Json.Serialization;
using Crossgate.Cli.Commands;

namespace Crossgate.Cli.Output;

/// <summary>Compile-time serialization of the reports commands print with <c>--output json</c> (no reflection, so
/// the command line runs as a Native AOT binary). The options are <see cref="CliOutput.Json"/>'s.</summary>
[JsonSerializable(typeof(PolicyValidateCommand.ValidationReport))]
[JsonSerializable(typeof(PolicyExpandCommand.ExpansionReport))]
[JsonSerializable(typeof(PolicyTightenCommand.TightenReport))]
[JsonSerializable(typeof(ImportCommand.ImportSummary))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
