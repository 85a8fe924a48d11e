using Xunit.Abstractions;
using Xunit.Sdk;

namespace Appliance.Packaging.Tests.Support;

/// <summary>The step of a test in a class whose tests build on each other (install, run, remove, purge).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StepAttribute(int number) : Attribute
{
    public int Number { get; } = number;
}

/// <summary>Runs a class's tests in the order of their <see cref="StepAttribute"/>.</summary>
public sealed class StepOrderer : ITestCaseOrderer
{
    public const string TypeName = "Appliance.Packaging.Tests.Support.StepOrderer";
    public const string AssemblyName = "Appliance.Packaging.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(testCase => testCase.TestMethod.Method
            .GetCustomAttributes(typeof(StepAttribute).AssemblyQualifiedName)
            .Select(attribute => attribute.GetConstructorArguments().Cast<int>().First())
            .DefaultIfEmpty(int.MaxValue)
            .First());
}
