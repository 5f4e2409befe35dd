using System.Collections.Concurrent;
using System.Security.Cryptography;
using Crossgate.Platform.ServiceStore;

namespace Crossgate.Web.Console;

/// <summary>The console's sign-ins, held in memory (a restart signs everyone out): a random session id for the
/// cookie, and a CSRF token the pages send back in <c>X-CSRF-Token</c> on every change. The one-time login token
/// printed at start signs in once; a session made from an API token lasts only while that token exists.</summary>
public sealed class ConsoleSessions(IPlatformStore store, TimeProvider clock)
{
    public const string CookieName = "crossgate_console";
    public const string CsrfHeader = "X-CSRF-Token";
    public const string OneTimeCaller = "console (one-time login)";

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private readonly ConcurrentDictionary<string, ConsoleSession> _sessions = new(StringComparer.Ordinal);
    private string? _oneTimeToken = NewSecret();

    /// <summary>The token of the one-time login URL; null once used.</summary>
    public string? OneTimeToken => Volatile.Read(ref _oneTimeToken);

    public sealed record ConsoleSession(string Id, string Caller, string? TokenHash, bool ReadOnly, string Csrf, DateTimeOffset Expires);

    /// <summary>Signs in with the one-time token (which then stops working) or an API token; null when neither.</summary>
    public async Task<ConsoleSession?> SignInAsync(string presented, CancellationToken cancellation)
    {
        var oneTime = OneTimeToken;
        if (oneTime is not null && FixedTimeEquals(presented, oneTime)
            && Interlocked.CompareExchange(ref _oneTimeToken, null, oneTime) == oneTime)
        {
            return Start(OneTimeCaller, null, readOnly: false);
        }

        var token = await store.FindTokenAsync(TokenSecrets.Hash(presented), cancellation).ConfigureAwait(false);
        return token is null ? null : Start($"token '{token.Name}'", token.Hash, token.ReadOnly);
    }

    /// <summary>The live session a cookie names: not expired, and its API token (if any) not revoked.</summary>
    public async Task<ConsoleSession?> FindAsync(string? id, CancellationToken cancellation)
    {
        if (id is null || !_sessions.TryGetValue(id, out var session))
        {
            return null;
        }

        if (session.Expires < clock.GetUtcNow()
            || session.TokenHash is not null && await store.FindTokenAsync(session.TokenHash, cancellation).ConfigureAwait(false) is null)
        {
            _sessions.TryRemove(id, out _);
            return null;
        }

        return session;
    }

    public void End(string id) => _sessions.TryRemove(id, out _);

    public static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));

    private ConsoleSession Start(string caller, string? tokenHash, bool readOnly)
    {
        var session = new ConsoleSession(NewSecret(), caller, tokenHash, readOnly, NewSecret(), clock.GetUtcNow() + Lifetime);
        _sessions[session.Id] = session;
        return session;
    }

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}

/// <summary><c>GET /console/session</c>: who is signed in, whether they may change anything, and the CSRF token.</summary>
public sealed record ConsoleSessionView(string Caller, bool ReadOnly, string Csrf);
