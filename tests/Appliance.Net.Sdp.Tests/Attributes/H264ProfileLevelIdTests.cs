using Appliance.Net.Sdp.Negotiation;

namespace Appliance.Net.Sdp.Tests.Attributes;

/// <summary>RFC 6184 8.1 profile-level-id and Table 5 (Constrained Baseline combinations).</summary>
public class H264ProfileLevelIdTests
{
    [Theory]
    [InlineData("42e01f", true, false)] // Chromium's Constrained Baseline 3.1
    [InlineData("42c01f", true, false)] // constraint_set0 + set1
    [InlineData("42f00b", true, false)] // set3 with level 11 means level 1b, still Constrained Baseline
    [InlineData("4de01f", true, false)] // Main with constraint_set0: Table 5 "4D 1xxx0000"
    [InlineData("58c01f", true, false)] // Extended with set0 and set1: Table 5 "58 11xx0000"
    [InlineData("42001f", false, true)] // plain Baseline
    [InlineData("42e81f", false, false)] // constraint_set4 set: not in Table 5's pattern
    [InlineData("4d001f", false, false)] // Main
    [InlineData("640c1f", false, false)] // Constrained High
    public void Profiles_are_classified(string text, bool constrainedBaseline, bool baseline)
    {
        Assert.True(H264ProfileLevelId.TryParse(text, out var value));
        Assert.Equal(constrainedBaseline, value.IsConstrainedBaseline);
        Assert.Equal(baseline, value.IsBaseline);
        Assert.Equal(text, value.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("42e0")]
    [InlineData("42e01f00")]
    [InlineData("zze01f")]
    [InlineData("-2e01f")]
    public void Malformed_values_are_refused(string? text) => Assert.False(H264ProfileLevelId.TryParse(text, out _));

    [Fact]
    public void Absent_parameter_means_Baseline_level_1() =>
        Assert.Equal(("42000a", true), (H264ProfileLevelId.Default.ToString(), H264ProfileLevelId.Default.IsBaseline));
}
