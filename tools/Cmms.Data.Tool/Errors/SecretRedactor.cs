namespace Cmms.Data.Tool.Errors;

/// <summary>Replaces every occurrence of a secret (a connection string, a password) in text meant for a person.</summary>
internal static class SecretRedactor
{
    public const string Mask = "***";

    public static string Redact(string text, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(secrets);

        // Longest first, so a password inside a whole connection string does not leave the rest of it behind.
        return secrets.Where(s => s.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .Aggregate(text, (current, secret) => current.Replace(secret, Mask, StringComparison.Ordinal));
    }
}
