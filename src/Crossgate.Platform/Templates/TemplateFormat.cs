namespace Crossgate.Platform.Templates;

/// <summary>The two syntaxes CloudFormation reads.</summary>
public enum TemplateFormat
{
    Yaml,
    Json,
}
