using Appliance.Browser.Tests.Echo;
using Appliance.Testing.Browsers;
using Microsoft.Playwright;

namespace Appliance.Browser.Tests.JoinPage;

/// <summary>A box of its own: the test uses up its address's wrong-code allowance.</summary>
public sealed class GuessingFixture() : JoinFlowFixture([]);

/// <summary>
/// Someone guessing room codes is stopped by the box after ten wrong ones; the page says so and
/// says when to try again, and even the right code is refused until then.
/// </summary>
[Collection(EchoCollection.Name)]
public sealed class TooManyAttemptsTests(GuessingFixture fixture) : IClassFixture<GuessingFixture>
{
    [Fact]
    public async Task After_ten_wrong_codes_the_page_says_when_to_try_again()
    {
        await using var participant = await fixture.OpenAsync(BrowserKind.Chromium, 0);
        var form = new JoinForm(participant);
        for (var i = 0; i < 10; i++)
        {
            await form.JoinAsync("Guesser", $"guess-{i}");
            await Assertions.Expect(form.Error).ToContainTextAsync("There is no meeting with this code");
        }

        await form.JoinAsync("Guesser", fixture.Room.Code);

        await Assertions.Expect(form.Error).ToContainTextAsync(
            "Too many wrong codes were tried from this device. Wait 2 minutes and try again (after ");
        await Assertions.Expect(form.Meeting).ToBeHiddenAsync();
    }
}
