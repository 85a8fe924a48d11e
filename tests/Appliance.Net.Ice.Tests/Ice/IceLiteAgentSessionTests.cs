using System.Text;
using Appliance.Net.Ice;
using Appliance.Net.Stun;

namespace Appliance.Net.Ice.Tests.Ice;

/// <summary>Sessions: nomination, address change, lookup by ufrag then by address.</summary>
public class IceLiteAgentSessionTests
{
    private static readonly IceCredentials Credentials = new("boxUfrag", "boxPasswordOf22CharsXYZ");

    [Fact]
    public void USE_CANDIDATE_nominates_the_source_address()
    {
        using var box = new IceLiteAgentFixture();
        IceSession session = box.Agent.CreateSession(Credentials);
        int changes = 0;
        session.SelectedAddressChanged += _ => changes++;
        FakeBrowser browser = box.Browser("192.0.2.1", 50000);

        browser.SendCheck(box.Box, Credentials);
        Assert.Null(session.SelectedAddress);
        browser.SendCheck(box.Box, Credentials, useCandidate: true);
        browser.SendCheck(box.Box, Credentials, useCandidate: true);

        Assert.Equal(IceSessionState.Connected, session.State);
        Assert.Equal(browser.Address, session.SelectedAddress);
        Assert.Equal(1, changes);
        Assert.Equal(3, box.Agent.SuccessResponsesSent);
    }

    [Fact]
    public void A_nomination_from_another_address_moves_the_session()
    {
        using var box = new IceLiteAgentFixture();
        IceSession session = box.Agent.CreateSession(Credentials);
        var selected = new List<System.Net.SocketAddress?>();
        session.SelectedAddressChanged += s => selected.Add(s.SelectedAddress);
        FakeBrowser wifi = box.Browser("192.0.2.1", 50000);
        FakeBrowser ethernet = box.Browser("198.51.100.7", 50002);

        wifi.SendCheck(box.Box, Credentials, useCandidate: true);
        ethernet.SendCheck(box.Box, Credentials, useCandidate: true);

        Assert.Equal(ethernet.Address, session.SelectedAddress);
        Assert.Equal([wifi.Address, ethernet.Address], selected);
        Assert.True(box.Agent.TryGetSessionByAddress(ethernet.Address, out IceSession? byEthernet));
        Assert.Same(session, byEthernet);
    }

    [Fact]
    public void Two_sessions_on_one_port_are_found_by_ufrag_then_by_address()
    {
        using var box = new IceLiteAgentFixture();
        var aliceCredentials = IceCredentials.Generate();
        var bobCredentials = IceCredentials.Generate();
        IceSession alice = box.Agent.CreateSession(aliceCredentials);
        IceSession bob = box.Agent.CreateSession(bobCredentials);
        FakeBrowser aliceBrowser = box.Browser("192.0.2.1", 50000, "alic");
        FakeBrowser bobBrowser = box.Browser("192.0.2.2", 50000, "bobb");

        aliceBrowser.SendCheck(box.Box, aliceCredentials, useCandidate: true);
        bobBrowser.SendCheck(box.Box, bobCredentials, useCandidate: true);

        Assert.True(box.Agent.TryGetSessionByAddress(aliceBrowser.Address, out IceSession? first));
        Assert.True(box.Agent.TryGetSessionByAddress(bobBrowser.Address, out IceSession? second));
        Assert.Same(alice, first);
        Assert.Same(bob, second);
        Assert.True(box.Agent.TryGetSessionByUfrag(bobCredentials.Ufrag, out IceSession? byUfrag));
        Assert.Same(bob, byUfrag);
        Assert.True(SignedWith(aliceBrowser, aliceCredentials));
        Assert.True(SignedWith(bobBrowser, bobCredentials));
        Assert.False(SignedWith(bobBrowser, aliceCredentials));
    }

    [Fact]
    public void An_address_that_moves_to_a_new_session_is_remapped()
    {
        using var box = new IceLiteAgentFixture();
        var oldCredentials = IceCredentials.Generate();
        var newCredentials = IceCredentials.Generate();
        IceSession oldSession = box.Agent.CreateSession(oldCredentials);
        IceSession newSession = box.Agent.CreateSession(newCredentials);
        FakeBrowser browser = box.Browser("192.0.2.1", 50000);

        browser.SendCheck(box.Box, oldCredentials);
        browser.SendCheck(box.Box, newCredentials);

        Assert.True(box.Agent.TryGetSessionByAddress(browser.Address, out IceSession? found));
        Assert.Same(newSession, found);
        box.Agent.RemoveSession(oldSession);
        Assert.True(box.Agent.TryGetSessionByAddress(browser.Address, out found));
        Assert.Same(newSession, found);
    }

    [Fact]
    public void RemoveSession_unmaps_it_without_raising_Disconnected()
    {
        using var box = new IceLiteAgentFixture();
        IceSession session = box.Agent.CreateSession(Credentials);
        bool disconnectedRaised = false;
        session.Disconnected += _ => disconnectedRaised = true;
        FakeBrowser browser = box.Browser("192.0.2.1", 50000);
        browser.SendCheck(box.Box, Credentials, useCandidate: true);

        box.Agent.RemoveSession(session);
        browser.SendCheck(box.Box, Credentials);

        Assert.Equal(IceSessionState.Disconnected, session.State);
        Assert.Null(session.SelectedAddress);
        Assert.False(box.Agent.TryGetSessionByAddress(browser.Address, out _));
        Assert.Equal(0, box.Agent.SessionCount);
        Assert.Equal(1, box.Agent.UnknownUfragDropped);
        Assert.False(disconnectedRaised);
    }

    [Fact]
    public void A_ufrag_cannot_be_registered_twice()
    {
        using var box = new IceLiteAgentFixture();
        box.Agent.CreateSession(Credentials);
        Assert.Throws<InvalidOperationException>(() => box.Agent.CreateSession(Credentials));
    }

    [Fact]
    public void A_throwing_event_handler_does_not_break_the_packet_path()
    {
        using var box = new IceLiteAgentFixture(new IceLiteAgentOptions { Software = "appliance" });
        IceSession session = box.Agent.CreateSession(Credentials);
        session.SelectedAddressChanged += _ => throw new InvalidOperationException("integrator bug");
        FakeBrowser browser = box.Browser("192.0.2.1", 50000);

        browser.SendCheck(box.Box, Credentials, useCandidate: true);
        browser.SendCheck(box.Box, Credentials);

        Assert.Equal(2, browser.Received.All.Count);
        Assert.True(SignedWith(browser, Credentials));
        Assert.True(StunMessage.TryParse(browser.Received.All[0].Data, out StunMessage first));
        Assert.True(first.TryGetSoftware(out ReadOnlySpan<byte> software));
        Assert.Equal("appliance", Encoding.UTF8.GetString(software));
        Assert.Equal(IceSessionState.Connected, session.State);
        Assert.Equal(0, box.BoxEndpoint.HandlerFaults);
    }

    private static bool SignedWith(FakeBrowser browser, IceCredentials credentials)
        => StunMessage.TryParse(browser.Received.All[^1].Data, out StunMessage message)
            && message.Class == StunMessageClass.SuccessResponse
            && message.VerifyMessageIntegrity(Encoding.UTF8.GetBytes(credentials.Password));
}
