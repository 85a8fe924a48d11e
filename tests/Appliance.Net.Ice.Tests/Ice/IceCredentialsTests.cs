using Appliance.Net.Ice;

namespace Appliance.Net.Ice.Tests.Ice;

public class IceCredentialsTests
{
    [Fact]
    public void Generated_credentials_are_valid_ice_chars_of_sufficient_length()
    {
        IceCredentials credentials = IceCredentials.Generate();

        Assert.True(credentials.Ufrag.Length >= 4);
        Assert.True(credentials.Password.Length >= 22);
        Assert.Matches("^[A-Za-z0-9+/]+$", credentials.Ufrag);
        Assert.Matches("^[A-Za-z0-9+/]+$", credentials.Password);
    }

    [Fact]
    public void Generated_credentials_differ()
    {
        var ufrags = Enumerable.Range(0, 100).Select(_ => IceCredentials.Generate().Ufrag).ToHashSet();
        Assert.Equal(100, ufrags.Count);
    }

    [Theory]
    [InlineData("abc", "boxPasswordOf22CharsXYZ")]       // ufrag too short
    [InlineData("abcd", "short")]                         // password too short
    [InlineData("ab:d", "boxPasswordOf22CharsXYZ")]       // ':' is not an ice-char
    [InlineData("abcd", "boxPasswordOf22Chars XYZ")]      // nor is a space
    public void Invalid_credentials_are_rejected(string ufrag, string password)
        => Assert.Throws<ArgumentException>(() => new IceCredentials(ufrag, password));

    [Fact]
    public void ToString_keeps_the_password_out_of_logs()
    {
        var credentials = new IceCredentials("abcd", "boxPasswordOf22CharsXYZ");
        Assert.DoesNotContain(credentials.Password, credentials.ToString());
    }
}
