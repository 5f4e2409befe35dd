using Crossgate.Policies.Evaluation;

namespace Crossgate.Authorization.Simulation;

/// <summary>What one pass over a scenario found, before anything is checked or compiled. A repeated member
/// replaces the earlier one, as a JSON object lookup finds the last.</summary>
internal sealed class ScenarioDraft
{
    private int _index;

    public string BasePath => _index < 0 ? "$" : $"$[{_index}]";

    public bool HasRequest;
    public string? Principal, Action, Resource, SessionName, PrincipalId, SourceIdentity, ResourceAccount;
    public string? PrincipalOrgId, ResourceOrgId;
    public IReadOnlyList<string>? PrincipalOrgPaths, ResourceOrgPaths;
    public IReadOnlyDictionary<string, string>? PrincipalTags, SessionTags, ResourceTags, RequestTags;
    public ContextKeys? Context;
    public DateTimeOffset? Time;
    public bool? TemporaryCredentials, Mfa;
    public int ScpLevels, RcpLevels;
    public readonly List<PolicyReference> Policies = new(8);

    /// <summary>Empties the draft for the scenario at <paramref name="index"/> (-1 for a lone scenario).</summary>
    public void Reset(int index)
    {
        _index = index;
        HasRequest = false;
        Principal = Action = Resource = SessionName = PrincipalId = SourceIdentity = ResourceAccount = null;
        PrincipalOrgId = ResourceOrgId = null;
        PrincipalOrgPaths = ResourceOrgPaths = null;
        PrincipalTags = SessionTags = ResourceTags = RequestTags = null;
        Context = null;
        Time = null;
        TemporaryCredentials = Mfa = null;
        ScpLevels = RcpLevels = 0;
        Policies.Clear();
    }

    public void Forget(PolicySlot slot)
    {
        for (var i = Policies.Count - 1; i >= 0; i--)
        {
            if (Policies[i].Slot == slot)
            {
                Policies.RemoveAt(i);
            }
        }
    }

    public ScenarioError Invalid(string suffix, string message) =>
        new(ScenarioError.InvalidScenario, message, BasePath + suffix);

    public ScenarioException Fail(string suffix, string message) => new(Invalid(suffix, message));
}

/// <summary>Unwinds one scenario's reading at its first fault; never escapes the scenario reader.</summary>
internal sealed class ScenarioException(ScenarioError error) : Exception(error.Message)
{
    public ScenarioError Error { get; } = error;
}
