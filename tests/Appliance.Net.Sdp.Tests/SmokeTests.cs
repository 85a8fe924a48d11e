namespace Appliance.Net.Sdp.Tests;
public class SmokeTests { [Fact] public void Builds() => Assert.True(true); }
