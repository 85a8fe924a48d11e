using Appliance.Net.Sdp.Attributes;
using Appliance.Net.Sdp.Negotiation;
using Appliance.Net.Sdp.Tests.Support;

namespace Appliance.Net.Sdp.Tests.Negotiation;

/// <summary>Later offers of the same session: a screen share added, then removed, then an ICE restart.</summary>
public class RenegotiationTests
{
    private static NegotiatedSession Answer(string file, NegotiatedSession? previous = null, LocalParameters? local = null)
    {
        var result = BoxParameters.Builder().CreateAnswer(CapturedOffers.Parse(file), local ?? BoxParameters.Create(), previous);
        Assert.True(result.IsSuccess, result.Error);
        return result.Session;
    }

    [Theory]
    [InlineData(CapturedOffers.ChromiumInitial, CapturedOffers.ChromiumScreenShare)]
    [InlineData(CapturedOffers.FirefoxInitial, CapturedOffers.FirefoxScreenShare)]
    public void Screen_share_section_is_added_receive_only_and_the_rest_stays(string initialFile, string screenShareFile)
    {
        var initial = Answer(initialFile);

        var next = Answer(screenShareFile, initial);

        Assert.Equal(["0", "1", "2"], next.BundleMids);
        Assert.Equal(initial.Answer.Origin.SessionId, next.Answer.Origin.SessionId);
        Assert.Equal(2ul, next.Answer.Origin.SessionVersion);
        // The existing sections are answered exactly as before.
        Assert.Equal(SdpText.Section(initial.AnswerSdp, 0), SdpText.Section(next.AnswerSdp, 0));
        Assert.Equal(SdpText.Section(initial.AnswerSdp, 1), SdpText.Section(next.AnswerSdp, 1));

        var screen = next.Media[2];
        Assert.Equal(("2", MediaRole.Additional, MediaDirection.RecvOnly), (screen.Mid, screen.Role, screen.Direction));
        Assert.Equal(initial.Main("video")!.Codec!.PayloadType, screen.Codec!.PayloadType);
        Assert.Null(screen.LocalSsrc);
        Assert.NotNull(screen.RemoteSsrc);

        var lines = SdpText.Section(next.AnswerSdp, 2);
        Assert.StartsWith("m=video 50000 ", lines[0], StringComparison.Ordinal);
        Assert.Contains("a=recvonly", lines);
        Assert.Contains("a=mid:2", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("a=ssrc", StringComparison.Ordinal) || l.StartsWith("a=msid", StringComparison.Ordinal));
        Assert.DoesNotContain("a=bundle-only", lines);
    }

    [Theory]
    [InlineData(CapturedOffers.ChromiumInitial, CapturedOffers.ChromiumScreenShare, CapturedOffers.ChromiumRemoved)]
    [InlineData(CapturedOffers.FirefoxInitial, CapturedOffers.FirefoxScreenShare, CapturedOffers.FirefoxRemoved)]
    public void Removed_screen_share_is_answered_inactive(string initialFile, string screenShareFile, string removedFile)
    {
        var shared = Answer(screenShareFile, Answer(initialFile));

        var removed = Answer(removedFile, shared);

        Assert.Equal((MediaRole.Additional, MediaDirection.Inactive), (removed.Media[2].Role, removed.Media[2].Direction));
        Assert.Contains("a=inactive", SdpText.Section(removed.AnswerSdp, 2));
        Assert.Equal(MediaDirection.SendRecv, removed.Main("video")!.Direction);
        Assert.Equal(3ul, removed.Answer.Origin.SessionVersion);
    }

    [Fact]
    public void The_first_video_codec_stays_even_when_the_preference_changes()
    {
        var vp8 = Answer(CapturedOffers.ChromiumInitial, local: BoxParameters.Create(CodecNames.Vp8, CodecNames.H264));

        var next = Answer(CapturedOffers.ChromiumScreenShare, vp8, BoxParameters.Create(CodecNames.H264, CodecNames.Vp8));

        Assert.Equal((96, 97), (next.Main("video")!.Codec!.PayloadType, next.Main("video")!.Codec!.RtxPayloadType!.Value));
        // The new section has no history: it follows the current preference.
        Assert.Equal(108, next.Media[2].Codec!.PayloadType);
    }

    [Fact]
    public void An_unchanged_offer_keeps_the_answer_and_its_version()
    {
        var first = Answer(CapturedOffers.ChromiumInitial);

        var again = Answer(CapturedOffers.ChromiumInitial, first);

        Assert.Equal(first.AnswerSdp, again.AnswerSdp);
        Assert.Equal(1ul, again.Answer.Origin.SessionVersion);
    }

    [Theory]
    [InlineData(CapturedOffers.ChromiumInitial, CapturedOffers.ChromiumScreenShare, CapturedOffers.ChromiumRemoved, CapturedOffers.ChromiumIceRestart)]
    [InlineData(CapturedOffers.FirefoxInitial, CapturedOffers.FirefoxScreenShare, CapturedOffers.FirefoxRemoved, CapturedOffers.FirefoxIceRestart)]
    public void Ice_restart_needs_new_local_credentials(string initialFile, string screenShareFile, string removedFile, string restartFile)
    {
        var removed = Answer(removedFile, Answer(screenShareFile, Answer(initialFile)));
        var restartOffer = CapturedOffers.Parse(restartFile);
        Assert.True(AnswerBuilder.IsIceRestart(restartOffer, removed));
        Assert.False(AnswerBuilder.IsIceRestart(CapturedOffers.Parse(removedFile), removed));

        var refused = BoxParameters.Builder().CreateAnswer(restartOffer, BoxParameters.Create(), removed);
        Assert.False(refused.IsSuccess);
        Assert.Contains("restarts ICE", refused.Error, StringComparison.Ordinal);

        var renewed = BoxParameters.Create() with { IceUfrag = "newU", IcePwd = "newpwdnewpwdnewpwdnewp" };
        var restarted = Answer(restartFile, removed, renewed);
        Assert.True(restarted.IceRestart);
        Assert.Equal(restartOffer.Media[0].IceUfrag, restarted.RemoteIceUfrag);
        Assert.Equal("newU", restarted.LocalIceUfrag);
        Assert.All(restarted.Answer.Media.Where(m => m.Port != 0), m => Assert.Equal("newU", m.IceUfrag));
        Assert.Equal(["0", "1", "2"], restarted.BundleMids);
        Assert.Equal(MediaDirection.Inactive, restarted.Media[2].Direction);
    }
}
