namespace Cmms.Data.Users;

/// <summary>The values of <see cref="AuditLog.Action" />.</summary>
public static class AuditAction
{
    /// <summary>The row was created.</summary>
    public const string Insert = "insert";

    /// <summary>The row was changed.</summary>
    public const string Update = "update";

    /// <summary>The row was deleted.</summary>
    public const string Delete = "delete";
}
