using System.Globalization;

namespace Cmms.Data.Bench.Data;

/// <summary>Rows of the Worksheets area: work orders, the parts they used, and stock movements.</summary>
internal static class WorksheetsTables
{
    public static IEnumerable<TableGenerator> All()
    {
        yield return new("worksheets", "id, machine_id, created_by_user_id, assigned_to_user_id, status, priority, title, description, created_at, closed_at", Worksheets);
        yield return new("worksheet_parts", "worksheet_id, part_id, quantity", WorksheetParts);
        yield return new("stock_transactions", "id, part_id, worksheet_id, quantity, reference, occurred_at", StockTransactions);
    }

    private static void Worksheets(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("worksheets");
        var count = context.Rows("worksheets");
        var machines = context.Rows("machines");
        for (var i = 0; i < count; i++)
        {
            var created = DataTimeline.At((i + random.NextDouble()) / count);
            // Old work is almost always closed; open, in-progress and on-hold sheets are rare and recent.
            var age = DataTimeline.Now - created;
            var closedShare = age < TimeSpan.FromDays(14) ? 0.4 : age < TimeSpan.FromDays(90) ? 0.85 : 0.97;
            var status = random.Chance(closedShare) ? "closed" : random.PickWeighted([("open", 45.0), ("in_progress", 35.0), ("on_hold", 20.0)]);
            var description = random.Chance(0.2)
                ? null
                : string.Join(". ", Enumerable.Range(0, random.Between(1, 3)).Select(_ => random.PickSkewed(WordLists.Observations, 1.4))) + ".";
            rows.Row().Id(i + 1).Id(1 + random.Skewed(machines, 1.8)).Id(random.Pick(context.StaffIds))
                .Id(random.Chance(0.08) ? null : random.PickSkewed(context.TechnicianIds, 1.3))
                .Text(status).Text(random.PickWeighted([("normal", 60.0), ("low", 20.0), ("high", 15.0), ("critical", 5.0)]))
                .Text(random.PickSkewed(WordLists.Problems, 1.5) + " " + random.PickSkewed(WordLists.Components, 1.6))
                .Text(description).Time(created)
                .Time(status == "closed" ? DataTimeline.Cap(created.AddHours(random.Between(1, 240))) : null);
        }
    }

    private static void WorksheetParts(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("worksheet_parts");
        var count = context.Rows("worksheet_parts");
        var worksheets = context.Rows("worksheets");
        var parts = context.Rows("parts");
        for (long row = 0; row < count; row++)
        {
            // Parts of one worksheet step through the catalog by a stride coprime to its size, so they never repeat.
            var (owner, local) = GenerationContext.Spread(row, count, worksheets);
            var part = 1 + ((((long)owner * 31) + (local * 7919L)) % parts);
            rows.Row().Id(owner + 1).Id(part).Int(random.Between(1, 10));
        }
    }

    private static void StockTransactions(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("stock_transactions");
        var count = context.Rows("stock_transactions");
        var worksheets = context.Rows("worksheets");
        var parts = context.Rows("parts");
        for (var i = 0; i < count; i++)
        {
            var fraction = (i + random.NextDouble()) / count;
            var occurred = DataTimeline.At(fraction);
            var part = 1 + random.Skewed(parts, 1.8);
            long? worksheet = null;
            int quantity;
            string? reference;
            var kind = random.NextDouble();
            if (kind < 0.3)
            {
                // Consumption by a worksheet that already exists at that time (worksheets are created in time order).
                worksheet = 1 + random.Next(Math.Max(1, (int)(worksheets * fraction)));
                quantity = -random.Between(1, 10);
                reference = string.Create(CultureInfo.InvariantCulture, $"WS-{worksheet:D6}");
            }
            else if (kind < 0.9)
            {
                quantity = random.Between(10, 200);
                reference = string.Create(CultureInfo.InvariantCulture, $"DN-{occurred.Year}-{random.Between(1, 99_999):D5}");
            }
            else
            {
                quantity = random.Chance(0.5) ? random.Between(1, 5) : -random.Between(1, 5);
                reference = null;
            }

            rows.Row().Id(i + 1).Id(part).Id(worksheet).Int(quantity).Text(reference).Time(occurred);
        }
    }
}
