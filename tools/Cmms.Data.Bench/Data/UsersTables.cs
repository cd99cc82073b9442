using System.Globalization;

namespace Cmms.Data.Bench.Data;

/// <summary>Rows of the Users area: roles, users, sessions, API keys, activity, phone codes and the audit trail.</summary>
internal static class UsersTables
{
    private const long Admin = 1;
    private const long Technician = 2;
    private const long MlEngineer = 3;
    private const long Customer = 4;

    private static readonly string[] AuditValues = ["open", "closed", "pending", "approved", "active", "inactive", "running", "failed"];

    public static IEnumerable<TableGenerator> All()
    {
        yield return new("roles", "id, name", Roles);
        yield return new("users", "id, username, email, normalized_email, role_id, is_active, is_phone_verified, is_blocked, current_plan_id, created_at, last_login_at, preferences", Users);
        yield return new("user_sessions", "id, user_id, token_hash, created_at, expires_at, revoked_at", Sessions);
        yield return new("api_keys", "id, user_id, key_hash, is_active, created_at", ApiKeys);
        yield return new("user_activity_logs", "id, user_id, activity_type, created_at, details", ActivityLogs);
        yield return new("phone_verifications", "id, user_id, code_hash, is_used, expires_at, created_at", PhoneVerifications);
        yield return new("audit_logs", "id, user_id, entity_type, entity_id, action, occurred_at, changes", AuditLogs);
    }

    private static void Roles(RowWriter rows, GenerationContext context)
    {
        for (var i = 0; i < context.Rows("roles"); i++)
        {
            rows.Row().Id(i + 1).Text(WordLists.Roles[i]);
        }
    }

    private static void Users(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("users");
        var count = context.Rows("users");
        var createdAt = new DateTime[count];
        List<long> technicians = [], staff = [], ml = [];
        for (var i = 0; i < count; i++)
        {
            long id = i + 1;
            // Ids 1-3 guarantee every role exists at any scale; then about 1% admins, 3% technicians, 5% ML engineers.
            var role = id <= 3 ? id : random.PickWeighted([(Admin, 1.0), (Technician, 3.0), (MlEngineer, 5.0), (Customer, 91.0)]);
            if (role == Technician)
            {
                technicians.Add(id);
            }

            if (role is Technician or Admin)
            {
                staff.Add(id);
            }
            else if (role == MlEngineer)
            {
                ml.Add(id);
            }

            createdAt[i] = DataTimeline.At((i + (random.NextDouble() * 0.9)) / count);
            var username = string.Create(CultureInfo.InvariantCulture, $"{random.Pick(WordLists.FirstNames)}.{random.Pick(WordLists.LastNames)}{id}");
            var email = username + "@" + random.PickSkewed(WordLists.EmailDomains, 1.5);
            var preferences = random.Chance(0.3) ? null : new JsonText()
                .Add("theme", random.Chance(0.4) ? "dark" : "light")
                .Add("language", random.PickSkewed(WordLists.Languages, 2))
                .Maybe(random, 0.4, j => j.Add("notifications", new JsonText().Add("email", random.Chance(0.8)).Add("push", random.Chance(0.3))))
                .Maybe(random, 0.2, j => j.Add("timezone", "Europe/Budapest"))
                .ToString();
            rows.Row().Id(id).Text(username).Text(email).Text(email.ToUpperInvariant()).Id(role)
                .Bool(random.Chance(0.95)).Bool(random.Chance(0.7)).Bool(random.Chance(0.01))
                .Id(random.Chance(0.4) ? null : 1 + random.Skewed(5, 1.5))
                .Time(createdAt[i])
                .Time(random.Chance(0.1) ? null : DataTimeline.Between(random, createdAt[i]))
                .Json(preferences);
        }

        context.UserCreatedAt = createdAt;
        context.TechnicianIds = [.. technicians];
        context.StaffIds = [.. staff];
        context.MlUserIds = [.. ml];
    }

    private static void Sessions(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("user_sessions");
        var count = context.Rows("user_sessions");
        for (var i = 0; i < count; i++)
        {
            var (userId, created) = UserEvent(context, random, i, count);
            var expires = created.AddDays(30);
            rows.Row().Id(i + 1).Id(userId).Text(HashText(random, i + 1)).Time(created).Time(expires)
                .Time(random.Chance(0.25) ? DataTimeline.Between(random, created, DataTimeline.Cap(expires)) : null);
        }
    }

    private static void ApiKeys(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("api_keys");
        var count = context.Rows("api_keys");
        var createdAt = new DateTime[count];
        for (var i = 0; i < count; i++)
        {
            var time = DataTimeline.At((i + 0.5) / count);
            var userId = context.UserAt(random, time, 2);
            createdAt[i] = Max(time, context.UserCreatedAt[userId - 1]);
            rows.Row().Id(i + 1).Id(userId).Text(HashText(random, i + 1)).Bool(random.Chance(0.85)).Time(createdAt[i]);
        }

        context.ApiKeyCreatedAt = createdAt;
    }

    private static void ActivityLogs(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("user_activity_logs");
        var count = context.Rows("user_activity_logs");
        for (var i = 0; i < count; i++)
        {
            var (userId, created) = UserEvent(context, random, i, count);
            var type = random.PickWeighted(WordLists.ActivityTypes);
            var details = type switch
            {
                "login" or "password_reset" => new JsonText().Add("ip", JsonText.Ip(random).ToString()).Add("user_agent", random.PickSkewed(WordLists.UserAgents)).ToString(),
                "search" => new JsonText().Add("query", WordLists.Phrase(random, WordLists.TitleWords, random.Between(1, 3))).ToString(),
                "create_order" => new JsonText().Add("plan", random.Pick(WordLists.Plans).Code).Maybe(random, 0.3, j => j.Add("coupon", "WELCOME10")).ToString(),
                _ => random.Chance(0.5) ? null : new JsonText().Add("page", random.Between(1, 20)).ToString(),
            };
            rows.Row().Id(i + 1).Id(userId).Text(type).Time(created).Json(details);
        }
    }

    private static void PhoneVerifications(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("phone_verifications");
        var count = context.Rows("phone_verifications");
        for (var i = 0; i < count; i++)
        {
            var (userId, created) = UserEvent(context, random, i, count);
            rows.Row().Id(i + 1).Id(userId).Text(HashText(random, i + 1)).Bool(random.Chance(0.92)).Time(created.AddMinutes(10)).Time(created);
        }
    }

    private static void AuditLogs(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("audit_logs");
        var count = context.Rows("audit_logs");
        (string Type, double Weight)[] entities = [("orders", 30), ("worksheets", 25), ("users", 15), ("experiments", 15), ("machines", 10), ("templates", 5)];
        for (var i = 0; i < count; i++)
        {
            var (userId, occurred) = UserEvent(context, random, i, count);
            var entityType = random.PickWeighted(entities);
            var entityId = (1 + random.Skewed(context.Rows(entityType), 1.5)).ToString(CultureInfo.InvariantCulture);
            var action = random.PickWeighted([("update", 78.0), ("insert", 20.0), ("delete", 2.0)]);
            var field = entityType switch
            {
                "orders" => "status",
                "worksheets" => random.Chance(0.5) ? "status" : "assigned_to_user_id",
                "users" => random.Chance(0.5) ? "email" : "is_active",
                "experiments" => "status",
                "machines" => "status",
                _ => "is_active",
            };
            var changes = action == "delete" ? null : new JsonText()
                .Add(field, new JsonText().Add("old", random.Pick(AuditValues)).Add("new", random.Pick(AuditValues)))
                .Maybe(random, 0.3, j => j.Add("reason", random.Pick(WordLists.Observations)))
                .ToString();
            rows.Row().Id(i + 1).Id(random.Chance(0.05) ? null : userId).Text(entityType).Text(entityId).Text(action).Time(occurred).Json(changes);
        }
    }

    /// <summary>The user and time of the <paramref name="index" />-th event of a growing, time-ordered log.</summary>
    internal static (long UserId, DateTime Time) UserEvent(GenerationContext context, SeededRandom random, long index, long count)
    {
        var time = DataTimeline.Growing(index, count);
        var userId = context.UserAt(random, time);
        return (userId, Max(time, context.UserCreatedAt[userId - 1]));
    }

    /// <summary>A 64-digit hex token, unique because it starts with the row id.</summary>
    internal static string HashText(SeededRandom random, long id) => id.ToString("x10", CultureInfo.InvariantCulture) + random.Hex(54);

    internal static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
