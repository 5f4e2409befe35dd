using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crossgate.Platform.Templates;

/// <summary>Renders a template (or policy) tree as CloudFormation-ready JSON or YAML text.</summary>
public static class TemplateText
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep '<', '>', '&' and '+' readable in policies
    };

    public static string Render(JsonNode node, TemplateFormat format) => format switch
    {
        TemplateFormat.Json => node.ToJsonString(JsonOptions) + "\n",
        _ => YamlWriter.Write(node),
    };
}
