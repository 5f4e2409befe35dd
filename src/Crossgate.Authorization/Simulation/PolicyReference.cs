namespace Crossgate.Authorization.Simulation;

/// <summary>Where one policy of a scenario lies, noted during the scenario's single pass and compiled after it:
/// a slice of the scenario's bytes, or the unescaped text of a policy given as a JSON string.</summary>
internal struct PolicyReference
{
    // Default names of the first few policies of each list, so that most scenarios build none.
    private static readonly string[][] ListNames = Names(static (slot, i) => $"{slot.ListName()}[{i}]");

    public PolicySlot Slot;

    /// <summary>The SCP or RCP level, from the root down; 0 elsewhere.</summary>
    public int Level;

    /// <summary>The place within its list or level; -1 for the single resource policy or boundary.</summary>
    public int Index;

    public int Start;
    public int Length;

    /// <summary>Set when the document was given as a JSON string.</summary>
    public byte[]? Text;

    /// <summary>Given as <c>{"name", "document"}</c>.</summary>
    public bool Wrapped;

    public string? Name;
    public bool NameIsString;
    public PolicyShape Shape;

    /// <summary>The policy's path within its scenario, e.g. <c>.serviceControlPolicies[1][0]</c>.</summary>
    public readonly string Path() => "." + DefaultName();

    public readonly string DocumentPath() => Wrapped ? Path() + ".document" : Path();

    /// <summary>The name a policy gets when the scenario gives none: where it was given.</summary>
    public readonly string DefaultName()
    {
        if (Index < 0)
        {
            return Slot.ListName();
        }

        if (Slot is PolicySlot.ServiceControl or PolicySlot.ResourceControl)
        {
            return $"{Slot.ListName()}[{Level}][{Index}]";
        }

        var names = ListNames[(int)Slot];
        return Index < names.Length ? names[Index] : $"{Slot.ListName()}[{Index}]";
    }

    private static string[][] Names(Func<PolicySlot, int, string> name)
    {
        var all = new string[Enum.GetValues<PolicySlot>().Length][];
        for (var slot = 0; slot < all.Length; slot++)
        {
            all[slot] = new string[8];
            for (var i = 0; i < all[slot].Length; i++)
            {
                all[slot][i] = name((PolicySlot)slot, i);
            }
        }

        return all;
    }
}

/// <summary>Whether a scenario's policy entry can be a policy at all.</summary>
internal enum PolicyShape
{
    Document,
    NotAPolicy,
}
