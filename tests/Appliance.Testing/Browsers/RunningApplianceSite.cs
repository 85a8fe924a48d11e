namespace Appliance.Testing.Browsers;

public static class RunningApplianceSite
{
    /// <summary>The box as a browser reaches it: its HTTPS address and its own certificate.</summary>
    public static TrustedSite Site(this RunningAppliance box) => new(box.HttpsBase, box.Certificate);
}
