using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Authorization.Simulation;

/// <summary>Reads simulator scenario files: one scenario object or an array of them. Each scenario is read on its
/// own in one forward pass over its bytes — by <see cref="CleanScenarioReader"/> when it is plainly well formed,
/// else here, exactly — so one bad scenario names its fault without hiding the others' answers.
/// Policies are noted where they lie during the pass and parsed afterwards in a fixed order (identity, resource,
/// boundary, session, SCP, RCP), because the resource policy's kind depends on the request.</summary>
public static class ScenarioReader
{
    [ThreadStatic]
    private static ScenarioDraft? ReusableDraft;

    private static readonly JsonReaderOptions Options = new()
    {
        MaxDepth = ScenarioSplitter.MaxDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>Reads a whole input. Returns false (with <paramref name="fatal"/>) when the input is not JSON or
    /// neither an object nor an array.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> utf8, out bool isArray, out List<ScenarioReadResult> results,
        out ScenarioError? fatal)
    {
        results = [];
        fatal = null;
        if (!ScenarioSplitter.TrySplit(utf8, out isArray, out var spans, out var error))
        {
            fatal = new ScenarioError(ScenarioError.InvalidScenario, error!, "$");
            return false;
        }

        var cache = new CompiledPolicyCache();
        results.Capacity = spans.Count;
        for (var i = 0; i < spans.Count; i++)
        {
            results.Add(ReadOne(utf8.Span.Slice(spans[i].Start, spans[i].Length), isArray ? i : -1, cache));
        }

        return true;
    }

    /// <summary>Reads one scenario: <paramref name="index"/> is its place in the input's array, or -1 for a lone
    /// object; faults are named by their JSON path from there.</summary>
    public static ScenarioReadResult ReadOne(ReadOnlySpan<byte> scenario, int index, CompiledPolicyCache cache)
    {
        // One draft per thread, emptied for each scenario: what it holds moves into the scenario built from it.
        var clean = ReusableDraft ??= new ScenarioDraft();
        clean.Reset(index);
        if (CleanScenarioReader.TryRead(scenario, clean))
        {
            try
            {
                return new ScenarioReadResult(Build(scenario, clean, cache), null);
            }
            catch (ScenarioException)
            {
                // A fault: the exact path below finds it again and names it as that path would.
            }
        }

        return ReadExactly(scenario, index, cache);
    }

    /// <summary>The exact path alone: every token read and checked, every fault named.</summary>
    internal static ScenarioReadResult ReadExactly(ReadOnlySpan<byte> scenario, int index, CompiledPolicyCache cache)
    {
        var draft = new ScenarioDraft();
        draft.Reset(index);
        try
        {
            var reader = new Utf8JsonReader(scenario, Options);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw draft.Fail(string.Empty, "A scenario must be a JSON object.");
            }

            ReadScenario(ref reader, draft);
            return new ScenarioReadResult(Build(scenario, draft, cache), null);
        }
        catch (ScenarioException ex)
        {
            return new ScenarioReadResult(null, ex.Error);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not valid UTF-8.
            return new ScenarioReadResult(null, draft.Invalid(string.Empty, $"The scenario is not valid JSON: {ex.Message}"));
        }
    }

    private static void ReadScenario(ref Utf8JsonReader reader, ScenarioDraft draft)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("request"u8))
            {
                reader.Read();
                draft.HasRequest = reader.TokenType == JsonTokenType.StartObject;
                if (draft.HasRequest)
                {
                    ReadRequest(ref reader, draft);
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("identityPolicies"u8))
            {
                ReadPolicyList(ref reader, draft, PolicySlot.Identity);
            }
            else if (reader.ValueTextEquals("resourcePolicy"u8))
            {
                ReadOptionalPolicy(ref reader, draft, PolicySlot.Resource);
            }
            else if (reader.ValueTextEquals("permissionsBoundary"u8))
            {
                ReadOptionalPolicy(ref reader, draft, PolicySlot.Boundary);
            }
            else if (reader.ValueTextEquals("sessionPolicies"u8))
            {
                ReadPolicyList(ref reader, draft, PolicySlot.Session);
            }
            else if (reader.ValueTextEquals("serviceControlPolicies"u8))
            {
                draft.ScpLevels = ReadPolicyLevels(ref reader, draft, PolicySlot.ServiceControl);
            }
            else if (reader.ValueTextEquals("resourceControlPolicies"u8))
            {
                draft.RcpLevels = ReadPolicyLevels(ref reader, draft, PolicySlot.ResourceControl);
            }
            else if (reader.ValueTextEquals("principalOrgId"u8))
            {
                draft.PrincipalOrgId = OptionalString(ref reader, draft, ".principalOrgId", "principalOrgId");
            }
            else if (reader.ValueTextEquals("resourceOrgId"u8))
            {
                draft.ResourceOrgId = OptionalString(ref reader, draft, ".resourceOrgId", "resourceOrgId");
            }
            else if (reader.ValueTextEquals("principalOrgPaths"u8))
            {
                draft.PrincipalOrgPaths = StringList(ref reader, draft, ".principalOrgPaths", "principalOrgPaths");
            }
            else if (reader.ValueTextEquals("resourceOrgPaths"u8))
            {
                draft.ResourceOrgPaths = StringList(ref reader, draft, ".resourceOrgPaths", "resourceOrgPaths");
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static void ReadRequest(ref Utf8JsonReader reader, ScenarioDraft draft)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("principal"u8))
            {
                draft.Principal = RequiredString(ref reader);
            }
            else if (reader.ValueTextEquals("action"u8))
            {
                draft.Action = RequiredString(ref reader);
            }
            else if (reader.ValueTextEquals("resource"u8))
            {
                draft.Resource = RequiredString(ref reader);
            }
            else if (reader.ValueTextEquals("sessionName"u8))
            {
                draft.SessionName = OptionalString(ref reader, draft, ".request.sessionName", "sessionName");
            }
            else if (reader.ValueTextEquals("principalId"u8))
            {
                draft.PrincipalId = OptionalString(ref reader, draft, ".request.principalId", "principalId");
            }
            else if (reader.ValueTextEquals("sourceIdentity"u8))
            {
                draft.SourceIdentity = OptionalString(ref reader, draft, ".request.sourceIdentity", "sourceIdentity");
            }
            else if (reader.ValueTextEquals("resourceAccount"u8))
            {
                draft.ResourceAccount = OptionalString(ref reader, draft, ".request.resourceAccount", "resourceAccount");
            }
            else if (reader.ValueTextEquals("time"u8))
            {
                draft.Time = OptionalTime(ref reader, draft);
            }
            else if (reader.ValueTextEquals("temporaryCredentials"u8))
            {
                draft.TemporaryCredentials = OptionalBool(ref reader, draft, ".request.temporaryCredentials", "temporaryCredentials");
            }
            else if (reader.ValueTextEquals("mfa"u8))
            {
                draft.Mfa = OptionalBool(ref reader, draft, ".request.mfa", "mfa");
            }
            else if (reader.ValueTextEquals("principalTags"u8))
            {
                draft.PrincipalTags = Tags(ref reader, draft, "principalTags");
            }
            else if (reader.ValueTextEquals("sessionTags"u8))
            {
                draft.SessionTags = Tags(ref reader, draft, "sessionTags");
            }
            else if (reader.ValueTextEquals("resourceTags"u8))
            {
                draft.ResourceTags = Tags(ref reader, draft, "resourceTags");
            }
            else if (reader.ValueTextEquals("requestTags"u8))
            {
                draft.RequestTags = Tags(ref reader, draft, "requestTags");
            }
            else if (reader.ValueTextEquals("context"u8))
            {
                draft.Context = Context(ref reader, draft);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static Scenario Build(ReadOnlySpan<byte> scenario, ScenarioDraft draft, CompiledPolicyCache cache)
    {
        if (!draft.HasRequest)
        {
            throw draft.Fail(".request", "The scenario needs a \"request\" object.");
        }

        var principalText = Required(draft, draft.Principal, "principal");
        var action = Required(draft, draft.Action, "action");
        if (action.IndexOf(':') <= 0)
        {
            throw draft.Fail(".request.action", $"The action '{action}' must be written service:Action.");
        }

        var resource = Required(draft, draft.Resource, "resource");
        if (!PrincipalArnReader.TryRead(principalText, out var basePrincipal, out var principalError, draft.SessionName))
        {
            throw draft.Fail(".request.principal", principalError!);
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
            UniqueId = draft.PrincipalId,
            Tags = draft.PrincipalTags ?? FrozenDictionary<string, string>.Empty,
            SessionTags = draft.SessionTags ?? FrozenDictionary<string, string>.Empty,
            SourceIdentity = draft.SourceIdentity,
            UsesTemporaryCredentials = draft.TemporaryCredentials ?? basePrincipal.UsesTemporaryCredentials,
            MultiFactorAuthenticated = draft.Mfa ?? false,
            OrgId = draft.PrincipalOrgId,
            OrgPaths = draft.PrincipalOrgPaths ?? [],
        };

        var request = new AuthorizationRequest
        {
            Principal = principal,
            Action = action,
            Resource = resource,
            ResourceAccount = draft.ResourceAccount,
            ResourceTags = draft.ResourceTags ?? FrozenDictionary<string, string>.Empty,
            RequestTags = draft.RequestTags,
            ResourceOrgId = draft.ResourceOrgId,
            ResourceOrgPaths = draft.ResourceOrgPaths ?? [],
            Context = draft.Context,
            Time = draft.Time,
        };

        var resourceKind = StsActions.IsAssumeRoleFamily(action) || resource.Contains(":role/", StringComparison.Ordinal)
            ? PolicyKind.Trust
            : PolicyKind.Resource;
        var policies = new PolicySet
        {
            IdentityPolicies = Compile(scenario, draft, cache, PolicySlot.Identity, PolicyKind.Identity),
            ResourcePolicy = CompileOne(scenario, draft, cache, PolicySlot.Resource, resourceKind),
            PermissionsBoundary = CompileOne(scenario, draft, cache, PolicySlot.Boundary, PolicyKind.PermissionsBoundary),
            SessionPolicies = Compile(scenario, draft, cache, PolicySlot.Session, PolicyKind.Session),
            ServiceControlPolicies = CompileLevels(scenario, draft, cache, PolicySlot.ServiceControl, draft.ScpLevels, PolicyKind.ServiceControl),
            ResourceControlPolicies = CompileLevels(scenario, draft, cache, PolicySlot.ResourceControl, draft.RcpLevels, PolicyKind.ResourceControl),
        };
        return new Scenario(request, policies);
    }

    private static string Required(ScenarioDraft draft, string? value, string name) =>
        value is { Length: > 0 }
            ? value
            : throw draft.Fail($".request.{name}", $"\"{name}\" is required and must be a non-empty string.");

    // ---- policies: noted during the pass, compiled afterwards ----

    private static void ReadPolicyList(ref Utf8JsonReader reader, ScenarioDraft draft, PolicySlot slot)
    {
        draft.Forget(slot);
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw draft.Fail("." + slot.ListName(), $"\"{slot.ListName()}\" must be an array of policies.");
        }

        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            draft.Policies.Add(NotePolicy(ref reader, slot, 0, index++));
        }
    }

    private static int ReadPolicyLevels(ref Utf8JsonReader reader, ScenarioDraft draft, PolicySlot slot)
    {
        draft.Forget(slot);
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return 0;
        }

        var name = slot.ListName();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw draft.Fail("." + name, $"\"{name}\" must be an array of levels, each an array of policies, from the root down.");
        }

        var level = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw draft.Fail($".{name}[{level}]", "Each level must be an array of policies.");
            }

            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                draft.Policies.Add(NotePolicy(ref reader, slot, level, index++));
            }

            level++;
        }

        return level;
    }

    private static void ReadOptionalPolicy(ref Utf8JsonReader reader, ScenarioDraft draft, PolicySlot slot)
    {
        draft.Forget(slot);
        reader.Read();
        if (reader.TokenType != JsonTokenType.Null)
        {
            draft.Policies.Add(NotePolicy(ref reader, slot, 0, -1));
        }
    }

    /// <summary>Notes where a policy lies. A policy is a document, a document as a JSON string, or
    /// <c>{"name", "document"}</c>; which of the first and last an object is shows only once it has been read.</summary>
    private static PolicyReference NotePolicy(ref Utf8JsonReader reader, PolicySlot slot, int level, int index)
    {
        var reference = new PolicyReference { Slot = slot, Level = level, Index = index };
        if (reader.TokenType == JsonTokenType.String)
        {
            reference.Text = StringBytes(ref reader);
            return reference;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            reference.Shape = PolicyShape.NotAPolicy;
            return reference;
        }

        var objectStart = (int)reader.TokenStartIndex;
        var nameIsString = true;
        string? name = null;
        var wrapped = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("document"u8))
            {
                wrapped = true;
                reader.Read();
                reference.Shape = PolicyShape.Document;
                reference.Text = null;
                if (reader.TokenType == JsonTokenType.String)
                {
                    reference.Text = StringBytes(ref reader);
                }
                else if (reader.TokenType == JsonTokenType.StartObject)
                {
                    reference.Start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    reference.Length = (int)reader.BytesConsumed - reference.Start;
                }
                else
                {
                    reader.Skip();
                    reference.Shape = PolicyShape.NotAPolicy;
                }
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                nameIsString = reader.TokenType == JsonTokenType.String;
                name = nameIsString ? reader.GetString() : null;
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (wrapped)
        {
            reference.Wrapped = true;
            reference.Name = name;
            reference.NameIsString = nameIsString;
        }
        else
        {
            reference.Start = objectStart;
            reference.Length = (int)reader.BytesConsumed - objectStart;
        }

        return reference;
    }

    private static byte[] StringBytes(ref Utf8JsonReader reader)
    {
        var text = new byte[reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length];
        var written = reader.CopyString(text);
        return written == text.Length ? text : text[..written];
    }

    private static ImmutableArray<CompiledPolicy> Compile(ReadOnlySpan<byte> scenario, ScenarioDraft draft,
        CompiledPolicyCache cache, PolicySlot slot, PolicyKind kind) =>
        CompileLevel(scenario, draft, cache, slot, AnyLevel, kind);

    /// <summary>Every level: lists other than SCPs and RCPs have only level 0.</summary>
    private const int AnyLevel = -1;

    /// <summary>The policies of one slot and level, in the order given.</summary>
    private static ImmutableArray<CompiledPolicy> CompileLevel(ReadOnlySpan<byte> scenario, ScenarioDraft draft,
        CompiledPolicyCache cache, PolicySlot slot, int level, PolicyKind kind)
    {
        var count = 0;
        foreach (ref readonly var reference in CollectionsMarshal.AsSpan(draft.Policies))
        {
            count += reference.Slot == slot && (level == AnyLevel || reference.Level == level) ? 1 : 0;
        }

        if (count == 0)
        {
            return ImmutableArray<CompiledPolicy>.Empty;
        }

        var compiled = new CompiledPolicy[count];
        var next = 0;
        foreach (ref readonly var reference in CollectionsMarshal.AsSpan(draft.Policies))
        {
            if (reference.Slot == slot && (level == AnyLevel || reference.Level == level))
            {
                compiled[next++] = CompilePolicy(scenario, draft, cache, in reference, kind);
            }
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(compiled);
    }

    private static CompiledPolicy? CompileOne(ReadOnlySpan<byte> scenario, ScenarioDraft draft, CompiledPolicyCache cache,
        PolicySlot slot, PolicyKind kind)
    {
        foreach (ref readonly var reference in CollectionsMarshal.AsSpan(draft.Policies))
        {
            if (reference.Slot == slot)
            {
                return CompilePolicy(scenario, draft, cache, in reference, kind);
            }
        }

        return null;
    }

    private static ImmutableArray<ImmutableArray<CompiledPolicy>> CompileLevels(ReadOnlySpan<byte> scenario,
        ScenarioDraft draft, CompiledPolicyCache cache, PolicySlot slot, int levels, PolicyKind kind)
    {
        if (levels == 0)
        {
            return ImmutableArray<ImmutableArray<CompiledPolicy>>.Empty;
        }

        var result = new ImmutableArray<CompiledPolicy>[levels];
        for (var level = 0; level < levels; level++)
        {
            result[level] = CompileLevel(scenario, draft, cache, slot, level, kind);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    private static CompiledPolicy CompilePolicy(ReadOnlySpan<byte> scenario, ScenarioDraft draft, CompiledPolicyCache cache,
        in PolicyReference reference, PolicyKind kind)
    {
        if (reference.Wrapped && !reference.NameIsString)
        {
            throw draft.Fail(reference.Path() + ".name", "A policy's \"name\" must be a string.");
        }

        if (reference.Shape == PolicyShape.NotAPolicy)
        {
            throw draft.Fail(reference.DocumentPath(),
                "A policy must be a JSON object, a JSON string holding one, or {\"name\", \"document\"}.");
        }

        var text = reference.Text is { } bytes ? bytes : scenario.Slice(reference.Start, reference.Length);
        var outcome = cache.GetOrParse(text, kind);
        if (outcome.Error is { } first)
        {
            var innerPath = first.Path.StartsWith('$') ? first.Path[1..] : "." + first.Path;
            throw new ScenarioException(new ScenarioError(first.Code, first.Message,
                draft.BasePath + reference.DocumentPath() + innerPath));
        }

        return outcome.Policy!.WithName(reference.Name ?? reference.DefaultName());
    }

    // ---- request values ----

    private static string? RequiredString(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    private static string? OptionalString(ref Utf8JsonReader reader, ScenarioDraft draft, string path, string name)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw draft.Fail(path, $"\"{name}\" must be a string."),
        };
    }

    private static bool? OptionalBool(ref Utf8JsonReader reader, ScenarioDraft draft, string path, string name)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Null => null,
            _ => throw draft.Fail(path, $"\"{name}\" must be true or false."),
        };
    }

    private static DateTimeOffset? OptionalTime(ref Utf8JsonReader reader, ScenarioDraft draft)
    {
        var text = OptionalString(ref reader, draft, ".request.time", "time");
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            throw draft.Fail(".request.time", "\"time\" must be an ISO 8601 time such as 2026-11-23T10:00:00Z.");
        }

        return time;
    }

    private static IReadOnlyDictionary<string, string>? Tags(ref Utf8JsonReader reader, ScenarioDraft draft, string name)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw draft.Fail($".request.{name}", $"\"{name}\" must be an object of tag keys to string values.");
        }

        Dictionary<string, string>? tags = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                throw draft.Fail($".request.{name}.{key}", "A tag value must be a string.");
            }

            tags ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            tags[key] = reader.GetString()!;
        }

        return tags ?? (IReadOnlyDictionary<string, string>)FrozenDictionary<string, string>.Empty;
    }

    private static ContextKeys? Context(ref Utf8JsonReader reader, ScenarioDraft draft)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw draft.Fail(".request.context", "\"context\" must be an object of condition keys.");
        }

        var keys = new ContextKeys();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                var values = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    values.Add(ScalarText(ref reader, draft, $".request.context.{key}[{values.Count}]"));
                }

                keys.SetMulti(key, [.. values]);
            }
            else
            {
                keys.Set(key, ScalarText(ref reader, draft, $".request.context.{key}"));
            }
        }

        return keys;
    }

    private static string ScalarText(ref Utf8JsonReader reader, ScenarioDraft draft, string path) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => throw draft.Fail(path, "A context value must be a string, number, boolean or an array of them."),
    };

    private static IReadOnlyList<string>? StringList(ref Utf8JsonReader reader, ScenarioDraft draft, string path, string name)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return [reader.GetString()!];
            case JsonTokenType.StartArray:
                var list = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        throw draft.Fail($"{path}[{list.Count}]", "Expected a string.");
                    }

                    list.Add(reader.GetString()!);
                }

                return list;
            default:
                throw draft.Fail(path, $"\"{name}\" must be a string or an array of strings.");
        }
    }
}
