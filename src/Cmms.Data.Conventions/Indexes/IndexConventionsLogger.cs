using Cmms.Data.Conventions.Diagnostics;
using Cmms.Data.Conventions.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Cmms.Data.Conventions.Indexes;

/// <summary>
///     The messages of the index conventions, each with its <see cref="CmmsEventId" />.
/// </summary>
internal sealed class IndexConventionsLogger(IDiagnosticsLogger<DbLoggerCategory.Model> logger)
{
    private readonly ILogger _logger = logger.Logger;

    public void RedundantIndexRemoved(RedundantIndex redundant)
    {
        // A declared index being dropped is a modelling smell the user should see; a convention's own index is not.
        var level = redundant.Index.IsDeclared ? LogLevel.Warning : LogLevel.Debug;
        _logger.Log(
            level,
            CmmsEventId.RedundantIndexRemoved,
            "The index '{Index}' on table '{Table}' ({Columns}) was removed: it is {Reason} '{CoveredBy}'. "
            + "Delete its declaration, or mark it AllowRedundant() to keep it.",
            redundant.Index.Name,
            redundant.Index.Table,
            ColumnList(redundant.Index),
            Describe(redundant.Reason),
            redundant.CoveredBy.Name);
    }

    public void RedundantIndexKept(RedundantIndex redundant)
        => _logger.LogWarning(
            CmmsEventId.RedundantIndexKept,
            "The index '{Index}' on table '{Table}' ({Columns}) is redundant: it is {Reason} '{CoveredBy}'. "
            + "It is kept because redundant indexes are set to Warn.",
            redundant.Index.Name,
            redundant.Index.Table,
            ColumnList(redundant.Index),
            Describe(redundant.Reason),
            redundant.CoveredBy.Name);

    public void RedundantIndexAllowed(IndexDefinition index, IndexDefinition cover)
        => _logger.LogDebug(
            CmmsEventId.RedundantIndexAllowed,
            "The index '{Index}' on table '{Table}' is covered by '{CoveredBy}' but kept: it is marked AllowRedundant().",
            index.Name,
            index.Table,
            cover.Name);

    public void ForeignKeyIndexCreated(string index, string table, string foreignKey, IReadOnlyList<string> columns)
        => _logger.LogDebug(
            CmmsEventId.ForeignKeyIndexCreated,
            "Created the index '{Index}' on table '{Table}' ({Columns}) for the foreign key '{ForeignKey}': "
            + "no key or non-partial btree index leads with its columns.",
            index,
            table,
            string.Join(", ", columns),
            foreignKey);

    public void ForeignKeyIndexCovered(string foreignKey, string table, IReadOnlyList<string> columns, string coveredBy)
        => _logger.LogDebug(
            CmmsEventId.ForeignKeyIndexCovered,
            "No index created for the foreign key '{ForeignKey}' on table '{Table}' ({Columns}): the index '{CoveredBy}' serves it.",
            foreignKey,
            table,
            string.Join(", ", columns),
            coveredBy);

    public static string Describe(Cmms.Data.Conventions.PrunedIndexReason reason) => reason switch
    {
        PrunedIndexReason.DuplicateOfKey => "a duplicate of the key",
        PrunedIndexReason.PrefixOfKey => "a leading prefix of the key",
        PrunedIndexReason.DuplicateOfIndex => "a duplicate of the index",
        PrunedIndexReason.PrefixOfIndex => "a leading prefix of the index",
        _ => "covered by",
    };

    private static string ColumnList(IndexDefinition index) => string.Join(", ", index.KeyColumns);
}
