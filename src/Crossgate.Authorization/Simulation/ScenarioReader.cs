using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Authorization.Simulation;

/// <summary>Reads simulator scenario files: one scenario object or an array of them. Each scenario is read on its
/// own, so one bad scenario names its fault without hiding the others' answers.</summary>
public static class ScenarioReader
{
    /// <summary>Reads a whole input. Returns false (with <paramref name="fatal"/>) when the input is not JSON or
    /// neither an object nor an array.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> utf8, out bool isArray, out List<ScenarioReadResult> results,
        out ScenarioError? fatal)
    {
        isArray = false;
        results = [];
        fatal = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            fatal = new ScenarioError(ScenarioError.InvalidScenario, $"The input is not valid JSON: {ex.Message}", "$");
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            var cache = new CompiledPolicyCache();
            if (root.ValueKind == JsonValueKind.Object)
            {
                results.Add(ReadOne(root, "$", cache));
                return true;
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                fatal = new ScenarioError(ScenarioError.InvalidScenario, "The input must be a scenario object or an array of them.", "$");
                return false;
            }

            isArray = true;
            results.Capacity = root.GetArrayLength();
            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                results.Add(element.ValueKind == JsonValueKind.Object
                    ? ReadOne(element, $"$[{index}]", cache)
                    : new ScenarioReadResult(null, Invalid($"$[{index}]", "A scenario must be a JSON object.")));
                index++;
            }

            return true;
        }
    }

    /// <summary>Reads one scenario object.</summary>
    public static ScenarioReadResult ReadOne(JsonElement scenario, string path, CompiledPolicyCache? cache = null)
    {
        try
        {
            return new ScenarioReadResult(Build(scenario, path, cache ?? new CompiledPolicyCache()), null);
        }
        catch (ScenarioException ex)
        {
            return new ScenarioReadResult(null, ex.Error);
        }
    }

    private static Scenario Build(JsonElement scenario, string path, CompiledPolicyCache cache)
    {
        if (!scenario.TryGetProperty("request", out var requestElement) || requestElement.ValueKind != JsonValueKind.Object)
        {
            throw Fail(path + ".request", "The scenario needs a \"request\" object.");
        }

        var requestPath = path + ".request";
        var principalText = RequiredString(requestElement, "principal", requestPath);
        var action = RequiredString(requestElement, "action", requestPath);
        if (action.IndexOf(':') <= 0)
        {
            throw Fail(requestPath + ".action", $"The action '{action}' must be written service:Action.");
        }

        var resource = RequiredString(requestElement, "resource", requestPath);
        var sessionName = OptionalString(requestElement, "sessionName", requestPath);
        if (!PrincipalArnReader.TryRead(principalText, out var basePrincipal, out var principalError, sessionName))
        {
            throw Fail(requestPath + ".principal", principalError!);
        }

        var principal = new RequestPrincipal
        {
            Kind = basePrincipal.Kind,
            Arn = basePrincipal.Arn,
            AccountId = basePrincipal.AccountId,
            Partition = basePrincipal.Partition,
            UserName = basePrincipal.UserName,
            RoleArn = basePrincipal.RoleArn,
            SessionName = basePrincipal.SessionName,
            ServiceName = basePrincipal.ServiceName,
            IsServiceLinkedRole = basePrincipal.IsServiceLinkedRole,
            UniqueId = OptionalString(requestElement, "principalId", requestPath),
            Tags = Tags(requestElement, "principalTags", requestPath),
            SessionTags = Tags(requestElement, "sessionTags", requestPath),
            SourceIdentity = OptionalString(requestElement, "sourceIdentity", requestPath),
            UsesTemporaryCredentials = OptionalBool(requestElement, "temporaryCredentials", requestPath)
                ?? basePrincipal.UsesTemporaryCredentials,
            MultiFactorAuthenticated = OptionalBool(requestElement, "mfa", requestPath) ?? false,
            OrgId = OptionalString(scenario, "principalOrgId", path),
            OrgPaths = StringList(scenario, "principalOrgPaths", path),
        };

        var context = Context(requestElement, requestPath);
        var request = new AuthorizationRequest
        {
            Principal = principal,
            Action = action,
            Resource = resource,
            ResourceAccount = OptionalString(requestElement, "resourceAccount", requestPath),
            ResourceTags = Tags(requestElement, "resourceTags", requestPath),
            RequestTags = requestElement.TryGetProperty("requestTags", out _) ? Tags(requestElement, "requestTags", requestPath) : null,
            ResourceOrgId = OptionalString(scenario, "resourceOrgId", path),
            ResourceOrgPaths = StringList(scenario, "resourceOrgPaths", path),
            Context = context,
            Time = OptionalTime(requestElement, "time", requestPath),
        };

        var trustKind = StsActions.IsAssumeRoleFamily(action) || resource.Contains(":role/", StringComparison.Ordinal)
            ? PolicyKind.Trust
            : PolicyKind.Resource;
        var policies = new PolicySet
        {
            IdentityPolicies = PolicyList(cache, scenario, "identityPolicies", path, PolicyKind.Identity),
            ResourcePolicy = OptionalPolicy(cache, scenario, "resourcePolicy", path, trustKind),
            PermissionsBoundary = OptionalPolicy(cache, scenario, "permissionsBoundary", path, PolicyKind.PermissionsBoundary),
            SessionPolicies = PolicyList(cache, scenario, "sessionPolicies", path, PolicyKind.Session),
            ServiceControlPolicies = PolicyLevels(cache, scenario, "serviceControlPolicies", path, PolicyKind.ServiceControl),
            ResourceControlPolicies = PolicyLevels(cache, scenario, "resourceControlPolicies", path, PolicyKind.ResourceControl),
        };
        return new Scenario(request, policies);
    }

    private static ImmutableArray<CompiledPolicy> PolicyList(CompiledPolicyCache cache, JsonElement parent, string name, string path, PolicyKind kind)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return ImmutableArray<CompiledPolicy>.Empty;
        }

        var listPath = path + "." + name;
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Fail(listPath, $"\"{name}\" must be an array of policies.");
        }

        var builder = ImmutableArray.CreateBuilder<CompiledPolicy>(element.GetArrayLength());
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            builder.Add(ReadPolicy(cache, item, $"{listPath}[{index}]", $"{name}[{index}]", kind));
            index++;
        }

        return builder.MoveToImmutable();
    }

    private static ImmutableArray<ImmutableArray<CompiledPolicy>> PolicyLevels(CompiledPolicyCache cache, JsonElement parent, string name, string path, PolicyKind kind)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return ImmutableArray<ImmutableArray<CompiledPolicy>>.Empty;
        }

        var listPath = path + "." + name;
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Fail(listPath, $"\"{name}\" must be an array of levels, each an array of policies, from the root down.");
        }

        var levels = ImmutableArray.CreateBuilder<ImmutableArray<CompiledPolicy>>(element.GetArrayLength());
        var level = 0;
        foreach (var levelElement in element.EnumerateArray())
        {
            var levelPath = $"{listPath}[{level}]";
            if (levelElement.ValueKind != JsonValueKind.Array)
            {
                throw Fail(levelPath, "Each level must be an array of policies.");
            }

            var builder = ImmutableArray.CreateBuilder<CompiledPolicy>(levelElement.GetArrayLength());
            var index = 0;
            foreach (var item in levelElement.EnumerateArray())
            {
                builder.Add(ReadPolicy(cache, item, $"{levelPath}[{index}]", $"{name}[{level}][{index}]", kind));
                index++;
            }

            levels.Add(builder.MoveToImmutable());
            level++;
        }

        return levels.MoveToImmutable();
    }

    private static CompiledPolicy? OptionalPolicy(CompiledPolicyCache cache, JsonElement parent, string name, string path, PolicyKind kind)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return ReadPolicy(cache, element, path + "." + name, name, kind);
    }

    /// <summary>A policy is a document, a document as a JSON string, or <c>{"name", "document"}</c>.</summary>
    private static CompiledPolicy ReadPolicy(CompiledPolicyCache cache, JsonElement element, string path, string defaultName, PolicyKind kind)
    {
        var name = defaultName;
        var document = element;
        var documentPath = path;
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("document", out var inner))
        {
            if (element.TryGetProperty("name", out var nameElement))
            {
                if (nameElement.ValueKind != JsonValueKind.String)
                {
                    throw Fail(path + ".name", "A policy's \"name\" must be a string.");
                }

                name = nameElement.GetString()!;
            }

            document = inner;
            documentPath = path + ".document";
        }

        PolicyParseOutcome outcome;
        if (document.ValueKind == JsonValueKind.String)
        {
            outcome = cache.GetOrParse(System.Text.Encoding.UTF8.GetBytes(document.GetString()!), kind);
        }
        else if (document.ValueKind == JsonValueKind.Object)
        {
            outcome = cache.GetOrParse(JsonMarshal.GetRawUtf8Value(document), kind);
        }
        else
        {
            throw Fail(documentPath, "A policy must be a JSON object, a JSON string holding one, or {\"name\", \"document\"}.");
        }

        if (outcome.Error is { } first)
        {
            var innerPath = first.Path.StartsWith('$') ? first.Path[1..] : "." + first.Path;
            throw new ScenarioException(new ScenarioError(first.Code, first.Message, documentPath + innerPath));
        }

        return outcome.Policy!.WithName(name);
    }

    private static ContextKeys? Context(JsonElement request, string path)
    {
        if (!request.TryGetProperty("context", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Fail(path + ".context", "\"context\" must be an object of condition keys.");
        }

        var keys = new ContextKeys();
        foreach (var property in element.EnumerateObject())
        {
            var keyPath = $"{path}.context.{property.Name}";
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Array)
            {
                var values = new string[value.GetArrayLength()];
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    values[i] = ScalarText(item, $"{keyPath}[{i}]");
                    i++;
                }

                keys.SetMulti(property.Name, values);
            }
            else
            {
                keys.Set(property.Name, ScalarText(value, keyPath));
            }
        }

        return keys;
    }

    private static string ScalarText(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw Fail(path, "A context value must be a string, number, boolean or an array of them."),
    };

    private static IReadOnlyDictionary<string, string> Tags(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return FrozenDictionary<string, string>.Empty;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Fail($"{path}.{name}", $"\"{name}\" must be an object of tag keys to string values.");
        }

        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                throw Fail($"{path}.{name}.{property.Name}", "A tag value must be a string.");
            }

            tags[property.Name] = property.Value.GetString()!;
        }

        return tags;
    }

    private static IReadOnlyList<string> StringList(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            return [element.GetString()!];
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Fail($"{path}.{name}", $"\"{name}\" must be a string or an array of strings.");
        }

        var list = new List<string>();
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw Fail($"{path}.{name}[{i}]", "Expected a string.");
            }

            list.Add(item.GetString()!);
            i++;
        }

        return list;
    }

    private static string RequiredString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.String
            || element.GetString() is not { Length: > 0 } text)
        {
            throw Fail($"{path}.{name}", $"\"{name}\" is required and must be a non-empty string.");
        }

        return text;
    }

    private static string? OptionalString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            throw Fail($"{path}.{name}", $"\"{name}\" must be a string.");
        }

        return element.GetString();
    }

    private static bool? OptionalBool(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Fail($"{path}.{name}", $"\"{name}\" must be true or false."),
        };
    }

    private static DateTimeOffset? OptionalTime(JsonElement parent, string name, string path)
    {
        var text = OptionalString(parent, name, path);
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            throw Fail($"{path}.{name}", $"\"{name}\" must be an ISO 8601 time such as 2026-11-23T10:00:00Z.");
        }

        return time;
    }

    private static ScenarioException Fail(string path, string message) => new(Invalid(path, message));

    private static ScenarioError Invalid(string path, string message) => new(ScenarioError.InvalidScenario, message, path);

    /// <summary>Unwinds one scenario's reading; never escapes this class.</summary>
    private sealed class ScenarioException(ScenarioError error) : Exception(error.Message)
    {
        public ScenarioError Error { get; } = error;
    }
}
