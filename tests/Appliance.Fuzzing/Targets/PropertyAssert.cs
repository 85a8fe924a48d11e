// The shared parser walk (AllParsers, linked from Appliance.Net.Rtp.Tests) checks properties with
// xunit's Assert.True; here a broken property throws like any other crash.
namespace Appliance.Net.Rtp.Tests.Support
{
    internal static class Assert
    {
        public static void True(bool condition, string property)
        {
            if (!condition)
                throw new InvalidOperationException("Property broken: " + property);
        }
    }
}
