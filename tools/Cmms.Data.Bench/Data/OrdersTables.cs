namespace Cmms.Data.Bench.Data;

/// <summary>Rows of the Orders area: the plan catalog and purchases.</summary>
internal static class OrdersTables
{
    public static IEnumerable<TableGenerator> All()
    {
        yield return new("plans", "id, code, name, price, is_active, sort_order", Plans);
        yield return new("orders", "id, user_id, plan_id, status, total_amount, created_at, approved_at", Orders);
    }

    private static void Plans(RowWriter rows, GenerationContext context)
    {
        for (var i = 0; i < context.Rows("plans"); i++)
        {
            var (code, name, price) = WordLists.Plans[i];
            rows.Row().Id(i + 1).Text(code).Text(name).Money(price).Bool(code != "legacy").Int(i * 10);
        }
    }

    private static void Orders(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("orders");
        var count = context.Rows("orders");
        var userIds = new long[count];
        var createdAt = new DateTime[count];
        List<long> approved = [];
        for (var i = 0; i < count; i++)
        {
            var (userId, created) = UsersTables.UserEvent(context, random, i, count);
            // Paid plans only (the free plan needs no order), cheaper plans more often.
            var plan = 2 + random.Skewed(WordLists.Plans.Length - 1, 1.4);
            var status = random.PickWeighted([("approved", 82.0), ("pending", 9.0), ("cancelled", 6.0), ("refunded", 3.0)]);
            if (status == "approved")
            {
                approved.Add(i + 1);
            }

            userIds[i] = userId;
            createdAt[i] = created;
            rows.Row().Id(i + 1).Id(userId).Id(plan).Text(status).Money(WordLists.Plans[plan - 1].Price).Time(created)
                .Time(status is "approved" or "refunded" ? DataTimeline.Cap(created.AddMinutes(random.Between(1, 600))) : null);
        }

        context.OrderUserId = userIds;
        context.OrderCreatedAt = createdAt;
        context.ApprovedOrderIds = [.. approved];
    }
}
