using Appliance.Hwaccel.Codecs;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Appliance.Hwaccel.Tests.Support;

/// <summary>
/// A theory whose rows start with (string provider, VideoCodec codec). Rows for providers the probe found
/// absent on this machine are reported as skipped, with the probe's reason ("/dev/video11 does not exist"),
/// instead of silently passing. xunit 2 has no dynamic skip, hence this discoverer.
/// </summary>
[XunitTestCaseDiscoverer("Appliance.Hwaccel.Tests.Support.ProviderTheoryDiscoverer", "Appliance.Hwaccel.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderTheoryAttribute : TheoryAttribute
{
    public ProviderTheoryAttribute(CodecDirection direction)
    {
        Direction = direction;
    }

    public CodecDirection Direction { get; }
}

public sealed class ProviderTheoryDiscoverer : TheoryDiscoverer
{
    public ProviderTheoryDiscoverer(IMessageSink diagnosticMessageSink) : base(diagnosticMessageSink)
    {
    }

    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow)
    {
        var direction = (CodecDirection)theoryAttribute.GetConstructorArguments().First();
        if (dataRow is [string provider, VideoCodec codec, ..] &&
            ProbeResults.AbsenceReason(provider, codec, direction) is { } reason)
        {
            return
            [
                new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                    discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, $"{provider} {codec} {direction} absent: {reason}", dataRow),
            ];
        }
        return base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow);
    }
}
