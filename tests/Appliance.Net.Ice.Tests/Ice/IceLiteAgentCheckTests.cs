using System.Net;
using System.Text;
using Appliance.Net.Ice;
using Appliance.Net.Stun;

namespace Appliance.Net.Ice.Tests.Ice;

/// <summary>How the agent answers Binding requests (RFC 8445 section 7.3, RFC 8489 section 9.1.3).</summary>
public class IceLiteAgentCheckTests
{
    private static readonly IceCredentials Credentials = new("boxUfrag", "boxPasswordOf22CharsXYZ");

    [Fact]
    public void A_valid_check_gets_a_success_with_the_source_address_signed_with_the_local_password()
    {
        using var box = new IceLiteAgentFixture();
        IceSession session = box.Agent.CreateSession(Credentials, "brws");
        FakeBrowser browser = box.Browser("192.0.2.1", 50000);

        byte[] request = browser.SendCheck(box.Box, Credentials);

        ReceivedDatagram response = Assert.Single(browser.Received.All);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.100"), 10000), response.FromEndPoint);
        Assert.True(StunMessage.TryParse(response.Data, out StunMessage message));
        Assert.Equal(StunMessageClass.SuccessResponse, message.Class);
        Assert.Equal(request.AsSpan(8, 12).ToArray(), message.TransactionId.ToArray());
        Assert.True(message.TryGetXorMappedAddress(out IPEndPoint? mapped));
        Assert.Equal(browser.EndPoint, mapped);
        Assert.True(message.VerifyMessageIntegrity(Encoding.UTF8.GetBytes(Credentials.Password)));
        Assert.True(message.VerifyFingerprint());
        Assert.Equal(IceSessionState.Checking, session.State);
        Assert.Equal(1, box.Agent.SuccessResponsesSent);
    }

    [Fact]
    public void An_IPv6_source_is_mapped_as_IPv6()
    {
        using var box = new IceLiteAgentFixture();
        box.Agent.CreateSession(Credentials);
        FakeBrowser browser = box.Browser("2001:db8::42", 40000);

        browser.SendCheck(box.Box, Credentials);

        Assert.True(StunMessage.TryParse(Assert.Single(browser.Received.All).Data, out StunMessage message));
        Assert.True(message.TryGetXorMappedAddress(out IPEndPoint? mapped));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("2001:db8::42"), 40000), mapped);
    }

    [Fact]
    public void A_wrong_password_is_refused_with_401_and_counted()
    {
        using var box = new IceLiteAgentFixture();
        IceSession session = box.Agent.CreateSession(Credentials);
        FakeBrowser browser = box.Browser("192.0.2.1", 50000);

        browser.SendCheck(box.Box, Credentials, useCandidate: true, password: "notTheRightPassword1234");

        Assert.True(StunMessage.TryParse(Assert.Single(browser.Received.All).Data, out StunMessage message));
        Assert.Equal(StunMessageClass.ErrorResponse, message.Class);
        Assert.True(message.TryGetErrorCode(out int code, out _));
        Assert.Equal(StunErrorCode.Unauthenticated, code);
        Assert.False(message.HasMessageIntegrity);
        Assert.Equal(1, box.Agent.AuthenticationFailures);
        Assert.False(box.Agent.TryGetSessionByAddress(browser.Address, out _));
        Assert.Null(session.SelectedAddress);
        Assert.Equal(IceSessionState.New, session.State);
    }

    [Fact]
    public void A_wrong_password_is_dropped_silently_when_configured()
    {
        using var box = new IceLiteAgentFixture(new IceLiteAgentOptions { RespondUnauthenticated = false });
        box.Agent.CreateSession(Credentials);
        FakeBrowser browser = box.Browser("192.0.2.1", 50000);

        browser.SendCheck(box.Box, Credentials, password: "notTheRightPassword1234");

        Assert.Empty(browser.Received.All);
        Assert.Equal(1, box.Agent.AuthenticationFailures);
    }

    [Fact]
    public void A_remote_ufrag_other_than_the_offered_one_is_refused()
    {
        using var box = new IceLiteAgentFixture();
        box.Agent.CreateSession(Credentials, remoteUfrag: "offr");
        FakeBrowser browser = box.Browser("192.0.2.1", 50000, ufrag: "othr");

        browser.SendCheck(box.Box, Credentials);

        Assert.True(StunMessage.TryParse(Assert.Single(browser.Received.All).Data, out StunMessage message));
        Assert.True(message.TryGetErrorCode(out int code, out _));
        Assert.Equal(StunErrorCode.Unauthenticated, code);
        Assert.False(box.Agent.TryGetSessionByAddress(browser.Address, out _));
    }

    [Fact]
    public void An_unknown_ufrag_is_dropped_without_answer_and_counted()
    {
        using var box = new IceLiteAgentFixture();
        box.Agent.CreateSession(Credentials);
        FakeBrowser browser = box.Browser("192.0.2.1", 50000);

        browser.SendCheck(box.Box, new IceCredentials("unknownU", Credentials.Password));

        Assert.Empty(browser.Received.All);
        Assert.Equal(1, box.Agent.UnknownUfragDropped);
        Assert.False(box.Agent.TryGetSessionByAddress(browser.Address, out _));
    }

    [Fact]
    public void ICE_CONTROLLED_from_the_peer_is_a_role_conflict_answered_487()
    {
        using var box = new IceLiteAgentFixture();
        box.Agent.CreateSession(Credentials);
        FakeBrowser browser = box.Browser("192.0.2.1", 50000);

        browser.SendCheck(box.Box, Credentials, controlled: true);

        Assert.True(StunMessage.TryParse(Assert.Single(browser.Received.All).Data, out StunMessage message));
        Assert.Equal(StunMessageClass.ErrorResponse, message.Class);
        Assert.True(message.TryGetErrorCode(out int code, out _));
        Assert.Equal(StunErrorCode.RoleConflict, code);
        Assert.True(message.VerifyMessageIntegrity(Encoding.UTF8.GetBytes(Credentials.Password)));
        Assert.Equal(1, box.Agent.RoleConflicts);
        Assert.False(box.Agent.TryGetSessionByAddress(browser.Address, out _));
    }

    [Theory]
    [InlineData(false, true, true)] // no USERNAME
    [InlineData(true, false, true)] // no MESSAGE-INTEGRITY
    [InlineData(true, true, false)] // neither ICE-CONTROLLING nor ICE-CONTROLLED
    public void Requests_missing_a_required_attribute_get_400(bool username, bool integrity, bool role)
    {
        using var box = new IceLiteAgentFixture();
        box.Agent.CreateSession(Credentials);
        FakeBrowser browser = box.Browser("192.0.2.1", 50000);

        browser.Send(box.Box, BindingRequests.Build(Credentials.Ufrag, "brws", Credentials.Password,
            includeRole: role, includeUsername: username, includeIntegrity: integrity));

        Assert.True(StunMessage.TryParse(Assert.Single(browser.Received.All).Data, out StunMessage message));
        Assert.True(message.TryGetErrorCode(out int code, out _));
        Assert.Equal(StunErrorCode.BadRequest, code);
        Assert.Equal(1, box.Agent.BadRequests);
    }

    [Fact]
    public void An_unknown_comprehension_required_attribute_gets_420_listing_it()
    {
        using var box = new IceLiteAgentFixture();
        box.Agent.CreateSession(Credentials);
        FakeBrowser browser = box.Browser("192.0.2.1", 50000);

        browser.Send(box.Box, BindingRequests.Build(Credentials.Ufrag, "brws", Credentials.Password, extraAttribute: 0x0031));

        Assert.True(StunMessage.TryParse(Assert.Single(browser.Received.All).Data, out StunMessage message));
        Assert.True(message.TryGetErrorCode(out int code, out _));
        Assert.Equal(StunErrorCode.UnknownAttribute, code);
        Assert.True(message.TryGetAttribute(StunAttributeType.UnknownAttributes, out ReadOnlySpan<byte> unknown));
        Assert.Equal([0x00, 0x31], unknown.ToArray());
        Assert.True(message.VerifyMessageIntegrity(Encoding.UTF8.GetBytes(Credentials.Password)));
        Assert.Equal(1, box.Agent.UnknownAttributeRequests);
        Assert.False(box.Agent.TryGetSessionByAddress(browser.Address, out _));
    }

    [Fact]
    public void An_unknown_comprehension_optional_attribute_is_ignored()
    {
        using var box = new IceLiteAgentFixture();
        box.Agent.CreateSession(Credentials);
        FakeBrowser browser = box.Browser("192.0.2.1", 50000);

        // 0xC057: Chrome's GOOG-NETWORK-INFO.
        browser.Send(box.Box, BindingRequests.Build(Credentials.Ufrag, "brws", Credentials.Password, extraAttribute: 0xC057));

        Assert.True(StunMessage.TryParse(Assert.Single(browser.Received.All).Data, out StunMessage message));
        Assert.Equal(StunMessageClass.SuccessResponse, message.Class);
    }

    [Fact]
    public void A_bad_fingerprint_is_dropped_and_counted()
    {
        using var box = new IceLiteAgentFixture();
        box.Agent.CreateSession(Credentials);
        FakeBrowser browser = box.Browser("192.0.2.1", 50000);
        byte[] request = BindingRequests.Build(Credentials.Ufrag, "brws", Credentials.Password);
        request[^1] ^= 0xff;

        browser.Send(box.Box, request);

        Assert.Empty(browser.Received.All);
        Assert.Equal(1, box.Agent.FingerprintFailures);
    }

    [Fact]
    public void Malformed_STUN_and_non_requests_are_counted_and_unanswered()
    {
        using var box = new IceLiteAgentFixture();
        box.Agent.CreateSession(Credentials);
        FakeBrowser browser = box.Browser("192.0.2.1", 50000);
        var indication = new byte[20];
        var writer = new StunMessageWriter(indication, StunMethod.Binding, StunMessageClass.Indication, new byte[12]);

        browser.Send(box.Box, [0x00, 0x01, 0x00]);
        browser.Send(box.Box, Rfc5769VectorsCopy.TruncatedRequest);
        browser.Send(box.Box, writer.Written.ToArray());

        Assert.Empty(browser.Received.All);
        Assert.Equal(2, box.Agent.MalformedDropped);
        Assert.Equal(1, box.Agent.Ignored);
        Assert.Equal(0, box.BoxEndpoint.HandlerFaults);
    }

    private static class Rfc5769VectorsCopy
    {
        public static readonly byte[] TruncatedRequest = Stun.Rfc5769Vectors.Request[..60];
    }
}
