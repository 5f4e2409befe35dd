using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Authorization.Simulation;

/// <summary>The fast path for well-formed scenarios, which is nearly all of them: one forward walk over the bytes
/// that reads the few members a scenario has and steps over each policy document with
/// <see cref="JsonStructure"/> instead of reading it token by token — the policy parser reads it next anyway and
/// refuses it if it is not JSON. It gives up (returns false) at anything unusual — an escaped string, a number, a
/// value of an unexpected type — and <see cref="ScenarioReader"/> then reads the scenario on its exact path, which
/// names every fault. So it fills the draft only for scenarios that path reads the same way.</summary>
internal ref struct CleanScenarioReader
{
    private readonly ReadOnlySpan<byte> _json;
    private int _at;

    private CleanScenarioReader(ReadOnlySpan<byte> json)
    {
        _json = json;
    }

    public static bool TryRead(ReadOnlySpan<byte> json, ScenarioDraft draft)
    {
        var reader = new CleanScenarioReader(json);
        return reader.Scenario(draft) && reader.AtEnd();
    }

    private bool Scenario(ScenarioDraft draft) => Members(draft, static (ref CleanScenarioReader reader, ReadOnlySpan<byte> key, ScenarioDraft draft) => key switch
    {
        _ when key.SequenceEqual("request"u8) => reader.Request(draft),
        _ when key.SequenceEqual("identityPolicies"u8) => reader.PolicyList(draft, PolicySlot.Identity),
        _ when key.SequenceEqual("resourcePolicy"u8) => reader.OptionalPolicy(draft, PolicySlot.Resource),
        _ when key.SequenceEqual("permissionsBoundary"u8) => reader.OptionalPolicy(draft, PolicySlot.Boundary),
        _ when key.SequenceEqual("sessionPolicies"u8) => reader.PolicyList(draft, PolicySlot.Session),
        _ when key.SequenceEqual("serviceControlPolicies"u8) => reader.PolicyLevels(draft, PolicySlot.ServiceControl, out draft.ScpLevels),
        _ when key.SequenceEqual("resourceControlPolicies"u8) => reader.PolicyLevels(draft, PolicySlot.ResourceControl, out draft.RcpLevels),
        _ when key.SequenceEqual("principalOrgId"u8) => reader.OptionalString(out draft.PrincipalOrgId),
        _ when key.SequenceEqual("resourceOrgId"u8) => reader.OptionalString(out draft.ResourceOrgId),
        _ when key.SequenceEqual("principalOrgPaths"u8) => reader.StringList(out draft.PrincipalOrgPaths),
        _ when key.SequenceEqual("resourceOrgPaths"u8) => reader.StringList(out draft.ResourceOrgPaths),
        _ => reader.SkipCheckedValue(),
    });

    private bool Request(ScenarioDraft draft)
    {
        if (Peek() != (byte)'{')
        {
            return false;
        }

        draft.HasRequest = true;
        return Members(draft, static (ref CleanScenarioReader reader, ReadOnlySpan<byte> key, ScenarioDraft draft) => key switch
        {
            _ when key.SequenceEqual("principal"u8) => reader.String(out draft.Principal),
            _ when key.SequenceEqual("action"u8) => reader.String(out draft.Action),
            _ when key.SequenceEqual("resource"u8) => reader.String(out draft.Resource),
            _ when key.SequenceEqual("sessionName"u8) => reader.OptionalString(out draft.SessionName),
            _ when key.SequenceEqual("principalId"u8) => reader.OptionalString(out draft.PrincipalId),
            _ when key.SequenceEqual("sourceIdentity"u8) => reader.OptionalString(out draft.SourceIdentity),
            _ when key.SequenceEqual("resourceAccount"u8) => reader.OptionalString(out draft.ResourceAccount),
            _ when key.SequenceEqual("time"u8) => reader.Time(out draft.Time),
            _ when key.SequenceEqual("temporaryCredentials"u8) => reader.OptionalBool(out draft.TemporaryCredentials),
            _ when key.SequenceEqual("mfa"u8) => reader.OptionalBool(out draft.Mfa),
            _ when key.SequenceEqual("principalTags"u8) => reader.Tags(out draft.PrincipalTags),
            _ when key.SequenceEqual("sessionTags"u8) => reader.Tags(out draft.SessionTags),
            _ when key.SequenceEqual("resourceTags"u8) => reader.Tags(out draft.ResourceTags),
            _ when key.SequenceEqual("requestTags"u8) => reader.Tags(out draft.RequestTags),
            _ when key.SequenceEqual("context"u8) => reader.Context(out draft.Context),
            _ => reader.SkipCheckedValue(),
        });
    }

    /// <summary>Reads one member of an object, the reader standing on its value.</summary>
    private delegate bool MemberReader(ref CleanScenarioReader reader, ReadOnlySpan<byte> key, ScenarioDraft draft);

    /// <summary>Walks an object's members, handing each to <paramref name="member"/>.</summary>
    private bool Members(ScenarioDraft draft, MemberReader member)
    {
        if (!Open((byte)'{', out var empty))
        {
            return false;
        }

        if (empty)
        {
            return true;
        }

        int next;
        do
        {
            if (!Key(out var key) || !member(ref this, key, draft))
            {
                return false;
            }
        }
        while ((next = Next((byte)'}')) > 0);

        return next == 0;
    }

    // ---- policies ----

    private bool PolicyList(ScenarioDraft draft, PolicySlot slot)
    {
        draft.Forget(slot);
        if (Null())
        {
            return true;
        }

        if (!Open((byte)'[', out var empty))
        {
            return false;
        }

        if (empty)
        {
            return true;
        }

        var index = 0;
        int next;
        do
        {
            if (!Policy(draft, slot, 0, index++))
            {
                return false;
            }
        }
        while ((next = Next((byte)']')) > 0);

        return next == 0;
    }

    private bool PolicyLevels(ScenarioDraft draft, PolicySlot slot, out int levels)
    {
        draft.Forget(slot);
        levels = 0;
        if (Null())
        {
            return true;
        }

        if (!Open((byte)'[', out var empty))
        {
            return false;
        }

        if (empty)
        {
            return true;
        }

        int next;
        do
        {
            if (!Open((byte)'[', out var emptyLevel))
            {
                return false;
            }

            if (!emptyLevel)
            {
                var index = 0;
                int inLevel;
                do
                {
                    if (!Policy(draft, slot, levels, index++))
                    {
                        return false;
                    }
                }
                while ((inLevel = Next((byte)']')) > 0);

                if (inLevel < 0)
                {
                    return false;
                }
            }

            levels++;
        }
        while ((next = Next((byte)']')) > 0);

        return next == 0;
    }

    private bool OptionalPolicy(ScenarioDraft draft, PolicySlot slot)
    {
        draft.Forget(slot);
        return Null() || Policy(draft, slot, 0, -1);
    }

    /// <summary>Notes a policy object: a document, or <c>{"name", "document"}</c> — which, shows only once its
    /// members have been seen. Member values are stepped over unread; a document is read whole by the policy
    /// parser, and a wrapper with members besides its name and document is checked here.</summary>
    private bool Policy(ScenarioDraft draft, PolicySlot slot, int level, int index)
    {
        if (Peek() != (byte)'{')
        {
            return false;
        }

        var start = _at;
        Open((byte)'{', out var empty);
        var reference = new PolicyReference { Slot = slot, Level = level, Index = index, NameIsString = true };
        var documentStart = -1;
        var documentEnd = -1;
        var others = false;
        if (!empty)
        {
            int next;
            do
            {
                if (!Key(out var key))
                {
                    return false;
                }

                if (key.SequenceEqual("document"u8))
                {
                    if (Peek() != (byte)'{' || !JsonStructure.TryFindEnd(_json, _at, out var end))
                    {
                        return false;
                    }

                    documentStart = _at;
                    documentEnd = _at = end;
                }
                else if (key.SequenceEqual("name"u8))
                {
                    if (!String(out reference.Name))
                    {
                        return false;
                    }
                }
                else
                {
                    others = true;
                    if (!SkipRawValue())
                    {
                        return false;
                    }
                }
            }
            while ((next = Next((byte)'}')) > 0);

            if (next < 0)
            {
                return false;
            }
        }

        if (documentStart < 0)
        {
            reference.Name = null;
            reference.Start = start;
            reference.Length = _at - start;
        }
        else
        {
            if (others && !IsJson(_json[start.._at]))
            {
                return false;
            }

            reference.Wrapped = true;
            reference.Start = documentStart;
            reference.Length = documentEnd - documentStart;
        }

        draft.Policies.Add(reference);
        return true;
    }

    // ---- request values ----

    private bool Time(out DateTimeOffset? time)
    {
        time = null;
        if (!OptionalString(out var text))
        {
            return false;
        }

        if (text is null)
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        time = parsed;
        return true;
    }

    private bool Tags(out IReadOnlyDictionary<string, string>? tags)
    {
        tags = null;
        if (Null())
        {
            return true;
        }

        if (!Open((byte)'{', out var empty))
        {
            return false;
        }

        if (empty)
        {
            tags = FrozenDictionary<string, string>.Empty;
            return true;
        }

        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int next;
        do
        {
            if (!Key(out var key) || !String(out var value))
            {
                return false;
            }

            found[Encoding.UTF8.GetString(key)] = value!;
        }
        while ((next = Next((byte)'}')) > 0);

        tags = found;
        return next == 0;
    }

    private bool Context(out ContextKeys? context)
    {
        context = null;
        if (Null())
        {
            return true;
        }

        if (!Open((byte)'{', out var empty))
        {
            return false;
        }

        var keys = new ContextKeys();
        context = keys;
        if (empty)
        {
            return true;
        }

        int next;
        do
        {
            if (!Key(out var rawKey))
            {
                return false;
            }

            var key = Encoding.UTF8.GetString(rawKey);
            if (Peek() == (byte)'[')
            {
                Open((byte)'[', out var emptyList);
                var values = new List<string>();
                if (!emptyList)
                {
                    int inList;
                    do
                    {
                        if (!Scalar(out var value))
                        {
                            return false;
                        }

                        values.Add(value);
                    }
                    while ((inList = Next((byte)']')) > 0);

                    if (inList < 0)
                    {
                        return false;
                    }
                }

                keys.SetMulti(key, [.. values]);
            }
            else
            {
                if (!Scalar(out var value))
                {
                    return false;
                }

                keys.Set(key, value);
            }
        }
        while ((next = Next((byte)'}')) > 0);

        return next == 0;
    }

    /// <summary>A context value: a string or a boolean. Numbers are left to the exact path.</summary>
    private bool Scalar(out string value)
    {
        if (Peek() == (byte)'"')
        {
            var ok = String(out var text);
            value = text!;
            return ok;
        }

        if (Literal("true"u8))
        {
            value = "true";
            return true;
        }

        value = "false";
        return Literal("false"u8);
    }

    private bool StringList(out IReadOnlyList<string>? list)
    {
        list = null;
        if (Null())
        {
            return true;
        }

        if (Peek() == (byte)'"')
        {
            var ok = String(out var single);
            list = [single!];
            return ok;
        }

        if (!Open((byte)'[', out var empty))
        {
            return false;
        }

        var items = new List<string>();
        list = items;
        if (empty)
        {
            return true;
        }

        int next;
        do
        {
            if (!String(out var item))
            {
                return false;
            }

            items.Add(item!);
        }
        while ((next = Next((byte)']')) > 0);

        return next == 0;
    }

    private bool OptionalBool(out bool? value)
    {
        value = null;
        if (Null())
        {
            return true;
        }

        if (Literal("true"u8))
        {
            value = true;
            return true;
        }

        value = false;
        return Literal("false"u8);
    }

    private bool OptionalString(out string? value)
    {
        value = null;
        return Null() || String(out value);
    }

    // ---- tokens ----

    private bool String(out string? value)
    {
        value = null;
        if (!RawString(out var raw))
        {
            return false;
        }

        value = Encoding.UTF8.GetString(raw);
        return true;
    }

    private bool Key(out ReadOnlySpan<byte> key)
    {
        if (!RawString(out key))
        {
            return false;
        }

        SkipWhitespace();
        if (_at >= _json.Length || _json[_at] != (byte)':')
        {
            return false;
        }

        _at++;
        return true;
    }

    /// <summary>A string's bytes between its quotes, when it needs no unescaping: no backslash, no control
    /// character, valid UTF-8.</summary>
    private bool RawString(out ReadOnlySpan<byte> raw)
    {
        raw = default;
        SkipWhitespace();
        if (_at >= _json.Length || _json[_at] != (byte)'"')
        {
            return false;
        }

        // One pass over the (short) string: its closing quote, and whether it holds anything that needs more care.
        var rest = _json[(_at + 1)..];
        var nonAscii = false;
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (c == (byte)'"')
            {
                raw = rest[..i];
                if (nonAscii && !System.Text.Unicode.Utf8.IsValid(raw))
                {
                    return false;
                }

                _at += i + 2;
                return true;
            }

            if (c == (byte)'\\' || c < 0x20)
            {
                return false;
            }

            nonAscii |= c >= 0x80;
        }

        return false;
    }

    private bool Null() => Literal("null"u8);

    private bool Literal(ReadOnlySpan<byte> literal)
    {
        SkipWhitespace();
        if (!_json[_at..].StartsWith(literal))
        {
            return false;
        }

        var after = _at + literal.Length;
        if (after < _json.Length && _json[after] is not ((byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return false;
        }

        _at = after;
        return true;
    }

    /// <summary>Steps into an object or array; <paramref name="empty"/> when it closes at once (and is passed).</summary>
    private bool Open(byte bracket, out bool empty)
    {
        empty = false;
        SkipWhitespace();
        if (_at >= _json.Length || _json[_at] != bracket)
        {
            return false;
        }

        _at++;
        SkipWhitespace();
        if (_at < _json.Length && _json[_at] == bracket + 2)
        {
            _at++;
            empty = true;
        }

        return true;
    }

    /// <summary>After a member or element: 1 when a comma says another follows, 0 when the closer ends the list
    /// (and is passed), -1 for anything else.</summary>
    private int Next(byte closer)
    {
        SkipWhitespace();
        if (_at >= _json.Length)
        {
            return -1;
        }

        var c = _json[_at++];
        return c == (byte)',' ? 1 : c == closer ? 0 : -1;
    }

    private byte Peek()
    {
        SkipWhitespace();
        return _at < _json.Length ? _json[_at] : (byte)0;
    }

    /// <summary>Steps over a member this reader does not use, making sure it is JSON as the exact path would.</summary>
    private bool SkipCheckedValue()
    {
        var start = _at;
        return SkipRawValue() && IsJson(_json[start.._at]);
    }

    /// <summary>Steps over a value by its structure alone.</summary>
    private bool SkipRawValue()
    {
        var c = Peek();
        if (c is (byte)'{' or (byte)'[')
        {
            if (!JsonStructure.TryFindEnd(_json, _at, out var end))
            {
                return false;
            }

            _at = end;
            return true;
        }

        if (c == (byte)'"')
        {
            return RawString(out _);
        }

        var length = _json[_at..].IndexOfAny(",}] \t\r\n"u8);
        var stop = length < 0 ? _json.Length : _at + length;
        if (stop == _at)
        {
            return false;
        }

        _at = stop;
        return true;
    }

    private void SkipWhitespace()
    {
        while (_at < _json.Length && _json[_at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            _at++;
        }
    }

    private bool AtEnd()
    {
        SkipWhitespace();
        return _at == _json.Length;
    }

    private static bool IsJson(ReadOnlySpan<byte> value) => JsonStructure.FaultIn(value) is null;
}
