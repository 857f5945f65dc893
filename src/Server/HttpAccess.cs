using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using ProofCheck.Core;

namespace ProofCheck.Server;

/// <summary>
/// Who may reach an HTTP command (<c>serve</c>, <c>dashboard</c>): loopback by default; an address other machines can
/// reach only with a token, which every guarded request must then carry. One policy for every listening command.
/// </summary>
public sealed class HttpAccess
{
    /// <summary>Tokens shorter than this are guessable; a token file must hold a long random secret.</summary>
    public const int MinimumTokenLength = 16;

    private readonly byte[]? _tokenHash;

    public HttpAccess(string host, string? token)
    {
        Host = host;
        _tokenHash = token is null ? null : Hash(token);
    }

    public string Host { get; }

    public bool HasToken => _tokenHash is not null;

    public bool IsLoopback => IsLoopbackHost(Host);

    /// <summary>The address Kestrel binds (after <see cref="Validate"/>).</summary>
    public IPAddress Address => Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(Host);

    public static bool IsLoopbackHost(string host) => host is "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>The token in <paramref name="file"/> (none without a file); a short one is refused.</summary>
    public static string? ReadTokenFile(string? file)
    {
        if (file is null)
        {
            return null;
        }

        string token;
        try
        {
            token = File.ReadAllText(file).Trim();
        }
        catch (IOException e)
        {
            throw new UserInputException($"Cannot read the token file {file}: {e.Message}", e);
        }

        return token.Length < MinimumTokenLength
            ? throw new UserInputException($"The token in {file} is shorter than {MinimumTokenLength} characters; use a long random secret.")
            : token;
    }

    /// <summary>
    /// Refuses a host that is not an address, and an address reachable from other machines without a token;
    /// <paramref name="howToSend"/> says how a client presents the token.
    /// </summary>
    public void Validate(string howToSend)
    {
        if (Host != "localhost" && !IPAddress.TryParse(Host, out _))
        {
            throw new UserInputException($"--host '{Host}' is not an IP address (use 127.0.0.1, ::1, 0.0.0.0 or an address of this machine).");
        }

        if (!IsLoopback && !HasToken)
        {
            throw new UserInputException($"--host {Host} is reachable from other machines: pass --token-file FILE ({howToSend}), or keep the default loopback address.");
        }
    }

    /// <summary>
    /// Whether <paramref name="http"/> carries the token (always, without one): as <c>Authorization: Bearer TOKEN</c>,
    /// or, with <paramref name="acceptBasic"/>, as the password of HTTP Basic (what a browser can send).
    /// </summary>
    public bool Authorized(HttpContext http, bool acceptBasic = false)
    {
        if (_tokenHash is null)
        {
            return true;
        }

        var header = http.Request.Headers.Authorization.ToString();
        string? sent = null;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            sent = header["Bearer ".Length..].Trim();
        }
        else if (acceptBasic && header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                sent = pair[(pair.IndexOf(':', StringComparison.Ordinal) + 1)..];
            }
            catch (FormatException)
            {
                return false;
            }
        }

        // Hashing first makes the comparison constant-time whatever the lengths.
        return sent is not null && CryptographicOperations.FixedTimeEquals(Hash(sent), _tokenHash);
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
