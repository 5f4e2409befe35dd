namespace Crossgate.Policies;

public enum Effect
{
    Allow,
    Deny,
}
