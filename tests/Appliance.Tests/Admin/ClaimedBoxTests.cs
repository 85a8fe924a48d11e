using Appliance.Testing;

namespace Appliance.Tests.Admin;

/// <summary>Tests of the admin API on a fresh box that an admin has claimed (setup code, password, signed in).</summary>
public abstract class ClaimedBoxTests : IAsyncLifetime
{
    protected RunningAppliance Box { get; private set; } = null!;

    /// <summary>The signed-in admin's client (its cookie and antiforgery token).</summary>
    protected AdminClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Box = await RunningAppliance.StartAsync();
        Client = new AdminClient(Box);
        await Client.ClaimAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Box.DisposeAsync();
    }
}
