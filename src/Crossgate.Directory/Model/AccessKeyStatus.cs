namespace Crossgate.Directory.Model;

public enum AccessKeyStatus
{
    Active,
    Inactive,
}
