using Appliance.Net.Ice;

namespace Appliance.Net.Ice.Tests.Ice;

/// <summary>Consent freshness (RFC 7675) on a fake clock.</summary>
public class IceLiteAgentConsentTests
{
    private static readonly IceCredentials Credentials = new("boxUfrag", "boxPasswordOf22CharsXYZ");

    [Fact]
    public async Task A_session_without_checks_for_the_consent_timeout_is_disconnected_and_unmapped()
    {
        using var box = new IceLiteAgentFixture();
        IceSession session = box.Agent.CreateSession(Credentials);
        var disconnected = new TaskCompletionSource<IceSession>();
        session.Disconnected += s => disconnected.TrySetResult(s);
        FakeBrowser browser = box.Browser("192.0.2.1", 50000);
        browser.SendCheck(box.Box, Credentials, useCandidate: true);

        box.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(IceSessionState.Connected, session.State);
        Assert.False(disconnected.Task.IsCompleted);

        box.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(disconnected.Task.IsCompletedSuccessfully);
        Assert.Same(session, await disconnected.Task);
        Assert.Equal(IceSessionState.Disconnected, session.State);
        Assert.Null(session.SelectedAddress);
        Assert.False(box.Agent.TryGetSessionByAddress(browser.Address, out _));
        Assert.False(box.Agent.TryGetSessionByUfrag(Credentials.Ufrag, out _));
        Assert.Equal(1, box.Agent.ConsentExpirations);
    }

    [Fact]
    public void Regular_consent_checks_keep_the_session_alive()
    {
        using var box = new IceLiteAgentFixture();
        IceSession session = box.Agent.CreateSession(Credentials);
        FakeBrowser browser = box.Browser("192.0.2.1", 50000);
        browser.SendCheck(box.Box, Credentials, useCandidate: true);

        for (int i = 0; i < 12; i++)
        {
            box.Time.Advance(TimeSpan.FromSeconds(5));
            browser.SendCheck(box.Box, Credentials);
        }

        Assert.Equal(IceSessionState.Connected, session.State);
        Assert.True(box.Agent.TryGetSessionByAddress(browser.Address, out _));
        Assert.Equal(0, box.Agent.ConsentExpirations);
    }

    [Fact]
    public void A_session_that_is_never_checked_expires_too()
    {
        using var box = new IceLiteAgentFixture(new IceLiteAgentOptions { ConsentTimeout = TimeSpan.FromSeconds(10) });
        IceSession session = box.Agent.CreateSession(Credentials);

        box.Time.Advance(TimeSpan.FromSeconds(11));

        Assert.Equal(IceSessionState.Disconnected, session.State);
        Assert.Equal(0, box.Agent.SessionCount);
    }

    [Fact]
    public void An_address_that_stopped_checking_is_unmapped_while_the_selected_one_stays()
    {
        using var box = new IceLiteAgentFixture();
        IceSession session = box.Agent.CreateSession(Credentials);
        FakeBrowser selected = box.Browser("192.0.2.1", 50000);
        FakeBrowser backup = box.Browser("2001:db8::1", 50001);
        selected.SendCheck(box.Box, Credentials, useCandidate: true);
        backup.SendCheck(box.Box, Credentials);
        Assert.True(box.Agent.TryGetSessionByAddress(backup.Address, out _));

        for (int i = 0; i < 8; i++)
        {
            box.Time.Advance(TimeSpan.FromSeconds(5));
            selected.SendCheck(box.Box, Credentials);
        }

        Assert.False(box.Agent.TryGetSessionByAddress(backup.Address, out _));
        Assert.True(box.Agent.TryGetSessionByAddress(selected.Address, out IceSession? found));
        Assert.Same(session, found);
        Assert.Equal(IceSessionState.Connected, session.State);
    }
}
