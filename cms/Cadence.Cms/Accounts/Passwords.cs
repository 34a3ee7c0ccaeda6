using System.Security.Cryptography;

namespace Cadence.Cms.Accounts;

public static class Passwords
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A random password of 20 unambiguous characters (about 116 bits).</summary>
    public static string Random() => RandomNumberGenerator.GetString(Alphabet, 20);
}
