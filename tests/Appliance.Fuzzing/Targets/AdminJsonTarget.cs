using Appliance.Admin;
using Appliance.Admin.Account;
using Appliance.Admin.Settings;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Appliance.Fuzzing.Targets;

/// <summary>
/// Admin API request bodies (API.md) through <see cref="JsonBody.ReadAsync{T}"/>, the one reader
/// every admin endpoint uses, for each request type. A refusal is an answer; only an exception
/// is a crash. Seeds: a body of each kind.
/// </summary>
public sealed class AdminJsonTarget : FuzzTarget
{
    /// <summary>The settings of a box with the defaults, which a change is planned against.</summary>
    private static readonly BoxSettings Defaults = SettingsCatalog.Read(new ConfigurationBuilder().Build());

    public override string Name => "admin-json";

    public override void Execute(byte[] input)
    {
        Read<BoxSettings>(input);
        Read<AccountEndpoints.ClaimRequest>(input);
        Read<AccountEndpoints.LoginRequest>(input);
        Read<AccountEndpoints.PasswordRequest>(input);
    }

    private static void Read<T>(byte[] body) where T : class
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        var (value, error) = JsonBody.ReadAsync<T>(context.Request).GetAwaiter().GetResult();
        if (value is null == error is null)
            throw new InvalidOperationException("JsonBody must give either a value or an error.");
        if (value is BoxSettings settings)
            _ = SettingsCatalog.Plan(settings, Defaults);
    }
}
