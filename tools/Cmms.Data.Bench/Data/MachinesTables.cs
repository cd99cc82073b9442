using System.Globalization;

namespace Cmms.Data.Bench.Data;

/// <summary>Rows of the Machines area: production lines, machines, parts and preventive-maintenance tasks.</summary>
internal static class MachinesTables
{
    private static readonly int[] Intervals = [7, 14, 30, 90, 180, 365];

    public static IEnumerable<TableGenerator> All()
    {
        yield return new("production_lines", "id, name, code", ProductionLines);
        yield return new("parts", "id, part_number, name, quantity_on_hand, unit_cost", Parts);
        yield return new("machines", "id, serial_number, production_line_id, name, status, attributes, created_at", Machines);
        yield return new("pm_tasks", "id, machine_id, description, interval_days, next_due_date, is_active", PmTasks);
    }

    private static void ProductionLines(RowWriter rows, GenerationContext context)
    {
        for (var id = 1; id <= context.Rows("production_lines"); id++)
        {
            var area = WordLists.LineAreas[(id - 1) % WordLists.LineAreas.Length];
            rows.Row().Id(id).Text(string.Create(CultureInfo.InvariantCulture, $"Line {id:D2} {area}")).Text(string.Create(CultureInfo.InvariantCulture, $"L{id:D2}"));
        }
    }

    private static void Parts(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("parts");
        for (var id = 1; id <= context.Rows("parts"); id++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{random.Pick(WordLists.PartNouns)} {random.Between(100, 9999)}");
            rows.Row().Id(id).Text(string.Create(CultureInfo.InvariantCulture, $"P-{id:D6}")).Text(name)
                .Int(random.Chance(0.1) ? 0 : random.Between(1, 500))
                .Money(Math.Round((decimal)(0.5 + (2000 * Math.Pow(random.NextDouble(), 3))), 2));
        }
    }

    private static void Machines(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("machines");
        var lines = context.Rows("production_lines");
        for (var id = 1; id <= context.Rows("machines"); id++)
        {
            var manufacturer = random.PickSkewed(WordLists.Manufacturers, 1.3);
            var kind = random.Pick(WordLists.MachineKinds);
            var model = string.Create(CultureInfo.InvariantCulture, $"{manufacturer[..3].ToUpperInvariant()}-{random.Between(1, 12) * 50}");
            var attributes = random.Chance(0.1) ? null : new JsonText()
                .Add("manufacturer", manufacturer)
                .Add("model", model)
                .Add("kind", kind)
                .Add("year", random.Between(2005, 2025))
                .Add("power_kw", Math.Round(0.5 + (250 * Math.Pow(random.NextDouble(), 2)), 1))
                .Maybe(random, 0.6, j => j.Add("voltage", random.Chance(0.8) ? 400 : 230))
                .Maybe(random, 0.4, j => j.Add("plc", new JsonText().Add("vendor", random.PickSkewed(WordLists.Manufacturers, 2)).Add("firmware", string.Create(CultureInfo.InvariantCulture, $"v{random.Between(1, 4)}.{random.Between(0, 9)}"))))
                .Maybe(random, 0.5, j => j.Add("certifications", WordLists.Certifications.Where(_ => random.Chance(0.3))))
                .Maybe(random, 0.3, j => j.Add("operating_hours", random.Between(100, 60_000)))
                .ToString();
            var status = random.PickWeighted([("operational", 85.0), ("maintenance", 8.0), ("down", 4.0), ("retired", 3.0)]);
            rows.Row().Id(id).Text(string.Create(CultureInfo.InvariantCulture, $"SN{id:D7}-{random.Hex(4).ToUpperInvariant()}"))
                .Id(1 + random.Next(lines)).Text(kind + " " + model).Text(status).Json(attributes)
                .Time(DataTimeline.Between(random, DataTimeline.Start, DataTimeline.At(0.5)));
        }
    }

    private static void PmTasks(RowWriter rows, GenerationContext context)
    {
        var random = context.RandomFor("pm_tasks");
        var machines = context.Rows("machines");
        for (var id = 1; id <= context.Rows("pm_tasks"); id++)
        {
            var interval = random.PickSkewed(Intervals, 1.2);
            // About 3% are overdue; the rest fall due within their interval.
            var due = random.Chance(0.03) ? DataTimeline.Today.AddDays(-random.Between(1, 30)) : DataTimeline.Today.AddDays(random.Between(1, interval));
            var task = random.PickWeighted([("inspect", 4.0), ("lubricate", 3.0), ("replace", 1.0), ("calibrate", 1.0)]);
            rows.Row().Id(id).Id(1 + ((id - 1) % machines)).Text(task + " " + random.Pick(WordLists.Components))
                .Int(interval).Date(due).Bool(random.Chance(0.9));
        }
    }
}
