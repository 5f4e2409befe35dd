using Xunit.Abstractions;
using Xunit.Sdk;

namespace Crossgate.Directory.Tests.Infrastructure;

/// <summary>A fact of a contract suite. Declared once on an abstract base class, it runs for every concrete test
/// class; classes marked <see cref="RequiresPostgresAttribute"/> are skipped, with the reason, when PostgreSQL
/// cannot be had (never under CI=true).</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Crossgate.Directory.Tests.Infrastructure.ContractFactDiscoverer", "Crossgate.Directory.Tests")]
public sealed class ContractFactAttribute : FactAttribute;

[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute;

public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var needsPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute)).Any();
        var skip = needsPostgres ? PostgresAvailability.SkipReason : null;
        yield return new ContractTestCase(
            diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, skip);
    }
}

public sealed class ContractTestCase : XunitTestCase
{
    private string? _skip;

    [Obsolete("For deserialization only.")]
    public ContractTestCase()
    {
    }

    public ContractTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, string? skip)
        : base(sink, display, options, method)
    {
        _skip = skip;
    }

    protected override string? GetSkipReason(IAttributeInfo factAttribute) => _skip ?? base.GetSkipReason(factAttribute);

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("ContractSkip", _skip);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        base.Deserialize(data);
        _skip = data.GetValue<string?>("ContractSkip");
    }
}
