using System.Text.Json;
using Appliance.Admin.Settings;
using Appliance.Hosting;

namespace Appliance.Admin.Account;

/// <summary>
/// Who owns the box. Unclaimed (no admin.json in the state folder), the box makes a one-time
/// setup code, logs it once and shows it on the room display; whoever types it at /admin sets
/// the admin password (stored as Argon2id) and owns the box. A factory reset returns to that
/// state: the pairing button calls <see cref="FactoryResetAsync"/> too.
/// </summary>
public sealed class AdminAccount
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 128;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _path;
    private readonly AdminSessions _sessions;
    private readonly SettingsStore _settings;
    private readonly ILogger<AdminAccount> _logger;
    private readonly Lock _gate = new();
    private PasswordHash? _password;
    private string? _setupCode;

    public AdminAccount(StateDirectory state, AdminSessions sessions, SettingsStore settings, ILogger<AdminAccount> logger)
    {
        _path = state.Combine("admin.json");
        _sessions = sessions;
        _settings = settings;
        _logger = logger;
        _password = Load();
        if (_password is null)
            BecomeUnclaimed();
    }

    public bool IsClaimed
    {
        get
        {
            lock (_gate)
                return _password is not null;
        }
    }

    /// <summary>The one-time code while the box is unclaimed; null once it has an admin.</summary>
    public string? SetupCode
    {
        get
        {
            lock (_gate)
                return _setupCode;
        }
    }

    /// <summary>A sentence saying what is wrong with a new password, or null when it is acceptable.</summary>
    public static string? PasswordProblem(string password) =>
        password.Length is < MinPasswordLength or > MaxPasswordLength
            ? $"Choose a password of {MinPasswordLength} to {MaxPasswordLength} characters."
            : null;

    /// <summary>Claims the box with the setup code; false when the code is wrong or the box is claimed already.</summary>
    public bool Claim(string setupCode, string password)
    {
        lock (_gate)
        {
            if (_setupCode is null || !Account.SetupCode.Matches(_setupCode, setupCode))
                return false;
        }
        var hash = PasswordHash.Create(password); // slow on purpose: outside the lock
        lock (_gate)
        {
            if (_setupCode is null)
                return false;
            Save(hash);
            _password = hash;
            _setupCode = null;
        }
        _logger.LogWarning("The box has been claimed: an admin password is set");
        return true;
    }

    public bool VerifyPassword(string password)
    {
        PasswordHash? hash;
        lock (_gate)
            hash = _password;
        return hash is not null && hash.Verify(password);
    }

    /// <summary>Sets a new password; every session ends.</summary>
    public void ChangePassword(string newPassword)
    {
        var hash = PasswordHash.Create(newPassword);
        lock (_gate)
        {
            Save(hash);
            _password = hash;
        }
        _sessions.EndAll();
        _logger.LogWarning("The admin password was changed; every admin session was ended");
    }

    /// <summary>
    /// Returns the box to its first-start state: no admin, no sessions, the admin's settings
    /// removed, and a new setup code on the console and the room display.
    /// </summary>
    public Task FactoryResetAsync()
    {
        lock (_gate)
        {
            File.Delete(_path);
            _password = null;
        }
        _sessions.EndAll();
        _settings.Clear();
        _logger.LogWarning("Factory reset: the admin password and settings were removed");
        BecomeUnclaimed();
        return Task.CompletedTask;
    }

    private void BecomeUnclaimed()
    {
        var code = Account.SetupCode.New();
        lock (_gate)
            _setupCode = code;
        _logger.LogWarning("The box has no admin yet. Open /admin on the box's address and type the setup code {SetupCode} to claim it", code);
    }

    private PasswordHash? Load()
    {
        if (!File.Exists(_path))
            return null;
        try
        {
            return JsonSerializer.Deserialize<PasswordHash>(File.ReadAllBytes(_path));
        }
        catch (JsonException e)
        {
            // Unreadable: the box is claimed but nobody can sign in; a factory reset (pairing button) recovers.
            _logger.LogError("The admin account file {Path} cannot be read ({Reason}); use a factory reset to claim the box again", _path, e.Message);
            return new PasswordHash("", "", 0, 0, 0);
        }
    }

    private void Save(PasswordHash hash) => AtomicFile.Write(_path, JsonSerializer.SerializeToUtf8Bytes(hash), FileMode);
}
