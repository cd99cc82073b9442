using Cmms.Data.Users;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data;

public partial class CmmsDbContext
{
    /// <summary>The roles users have (<c>roles</c>).</summary>
    public DbSet<Role> Roles => Set<Role>();

    /// <summary>The users (<c>users</c>).</summary>
    public DbSet<User> Users => Set<User>();

    /// <summary>The users' signed-in sessions (<c>user_sessions</c>).</summary>
    public DbSet<UserSession> UserSessions => Set<UserSession>();

    /// <summary>The users' API keys (<c>api_keys</c>).</summary>
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    /// <summary>The users' activity history (<c>user_activity_logs</c>).</summary>
    public DbSet<UserActivityLog> UserActivityLogs => Set<UserActivityLog>();

    /// <summary>The codes sent to verify users' phones (<c>phone_verifications</c>).</summary>
    public DbSet<PhoneVerification> PhoneVerifications => Set<PhoneVerification>();

    /// <summary>The audit trail of changes to audited rows (<c>audit_logs</c>).</summary>
    public DbSet<AuditLog> AuditLogs => Set<AuditLog>();
}
