namespace Cmms.Data.Bench.Benchmarks;

/// <summary>Scenario 2 at one scale and parent table: deleting a parent row, and updating its key, in (b) and (c), client round trip in ms.</summary>
/// <param name="Scale">The data volume.</param>
/// <param name="Table">The parent table.</param>
/// <param name="ForeignKeys">The referencing foreign keys (b) leaves without a usable index, with the indexes that hide them from EF Core.</param>
/// <param name="ChildRows">Rows of the tables those foreign keys sit on.</param>
/// <param name="AsDeclared">(b): EF Core's conventions.</param>
/// <param name="CmmsData">(c): Cmms.Data.</param>
/// <param name="Control">A/A control: (b) again through a second session in the same rotation.</param>
/// <param name="Ratio">(b)/(c) of the medians.</param>
/// <param name="ControlRatio">Control/(b) of the medians.</param>
/// <param name="CheckAsDeclared">(b): server time of the checks of those foreign keys alone (<c>EXPLAIN (ANALYZE)</c> trigger time), ms.</param>
/// <param name="CheckCmmsData">(c): the same.</param>
/// <param name="CheckRatio">(b)/(c) of the check medians.</param>
/// <param name="KeyUpdateAsDeclared">(b): updating the parent's key instead (client round trip, rolled back), ms.</param>
/// <param name="KeyUpdateCmmsData">(c): the same.</param>
/// <param name="KeyUpdateRatio">(b)/(c) of the key update medians.</param>
internal sealed record ParentDeleteResult(
    double Scale,
    string Table,
    IReadOnlyList<string> ForeignKeys,
    long ChildRows,
    Stats AsDeclared,
    Stats CmmsData,
    Stats Control,
    double Ratio,
    double ControlRatio,
    Stats CheckAsDeclared,
    Stats CheckCmmsData,
    double CheckRatio,
    Stats KeyUpdateAsDeclared,
    Stats KeyUpdateCmmsData,
    double KeyUpdateRatio);
