using System.Globalization;

namespace Cmms.Data.Bench.Data;

/// <summary>Rows of the Invitations area: categories, templates, invitations, guests and page views.</summary>
internal static class InvitationsTables
{
    private static readonly System.Net.IPAddress[] Crawlers =
    [
        System.Net.IPAddress.Parse("66.249.66.1"), System.Net.IPAddress.Parse("157.55.39.10"), System.Net.IPAddress.Parse("40.77.167.5"),
    ];

    public static IEnumerable<TableGenerator> All()
    {
        yield return new("invitation_categories", "id, code, name, is_active, sort_order", Categories);
        yield return new("templates", "id, plan_id, category_id, name, is_active, is_premium, use_count, animation_type", Templates);
        yield return new("invitations", "id, user_id, order_id, template_id, slug, is_active, event_date, link_expires_at, created_at", Invitations);
        yield return new("guests", "id, invitation_id, name, phone, attending, viewed_at", Guests);
        yield return new("invitation_view_logs", "id, invitation_id, viewed_at, ip_address", ViewLogs);
    }

    private static void Categories(RowWriter rows, GenerationContext context)
    {
        for (var i = 0; i < context.Rows("invitation_categories"); i++)
        {
            var (code, name) = WordLists.InvitationCategories[i];
            rows.Row().Id(i + 1).Text(code).Text(name).Bool(code != "memorial").Int(i * 10);
        }
    }

    private static void Templates(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("templates");
        var categories = context.Rows("invitation_categories");
        for (var id = 1; id <= context.Rows("templates"); id++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{random.Pick(WordLists.TemplateAdjectives)} {random.Pick(WordLists.TemplateNouns)} {id}");
            rows.Row().Id(id).Id(2 + random.Skewed(WordLists.Plans.Length - 1, 1.2)).Id(1 + random.Skewed(categories, 1.3)).Text(name)
                .Bool(random.Chance(0.9)).Bool(random.Chance(0.3)).Int((int)(5000 * Math.Pow(random.NextDouble(), 4)))
                .Text(random.PickSkewed(WordLists.AnimationTypes, 1.5));
        }
    }

    private static void Invitations(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("invitations");
        var count = context.Rows("invitations");
        var templates = context.Rows("templates");
        var approved = context.ApprovedOrderIds;
        var createdAt = new DateTime[count];
        for (var i = 0; i < count; i++)
        {
            // One invitation per approved order, in order (an order is reused only if there are more invitations than orders).
            var orderId = approved[(int)((long)i * approved.Length / count)];
            var created = DataTimeline.Cap(context.OrderCreatedAt[orderId - 1].AddMinutes(random.Between(5, 2000)));
            var eventDate = DateOnly.FromDateTime(created).AddDays(random.Between(7, 200));
            var upcoming = eventDate >= DataTimeline.Today;
            var slug = string.Create(CultureInfo.InvariantCulture, $"{random.Pick(WordLists.TemplateAdjectives)}-{random.Pick(WordLists.TemplateNouns)}-{(i + 1).ToString("x", CultureInfo.InvariantCulture)}");
            createdAt[i] = created;
            rows.Row().Id(i + 1).Id(context.OrderUserId[orderId - 1]).Id(orderId).Id(1 + random.Skewed(templates, 2)).Text(slug)
                .Bool(random.Chance(upcoming ? 0.9 : 0.3)).Date(eventDate)
                .Time(random.Chance(0.1) ? null : eventDate.AddDays(30).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))
                .Time(created);
        }

        context.InvitationCreatedAt = createdAt;
    }

    private static void Guests(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("guests");
        var invitations = context.Rows("invitations");
        for (long id = 1; id <= context.Rows("guests"); id++)
        {
            var invitation = 1 + random.Skewed(invitations, 1.5);
            var name = Capitalize(random.Pick(WordLists.FirstNames)) + " " + Capitalize(random.Pick(WordLists.LastNames));
            // id -> 9 digits is a bijection (7919 is coprime to 10^9), so phones are unique overall and per invitation.
            var phone = string.Create(CultureInfo.InvariantCulture, $"+36{((id * 7919) + 12_345_678) % 1_000_000_000:D9}");
            var attending = random.PickWeighted<bool?>([(null, 50.0), (true, 35.0), (false, 15.0)]);
            rows.Row().Id(id).Id(invitation).Text(name).Text(phone).Bool(attending)
                .Time(random.Chance(0.3) ? null : DataTimeline.Between(random, context.InvitationCreatedAt[invitation - 1]));
        }
    }

    private static void ViewLogs(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("invitation_view_logs");
        var invitations = context.Rows("invitations");
        for (var id = 1; id <= context.Rows("invitation_view_logs"); id++)
        {
            var invitation = 1 + random.Skewed(invitations, 1.5);
            rows.Row().Id(id).Id(invitation).Time(DataTimeline.Between(random, context.InvitationCreatedAt[invitation - 1]))
                .Inet(random.Chance(0.05) ? random.Pick(Crawlers) : JsonText.Ip(random));
        }
    }

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
