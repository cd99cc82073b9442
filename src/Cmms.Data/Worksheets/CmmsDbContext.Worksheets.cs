using Cmms.Data.Worksheets;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data;

public partial class CmmsDbContext
{
    /// <summary>The maintenance work orders (<c>worksheets</c>).</summary>
    public DbSet<Worksheet> Worksheets => Set<Worksheet>();

    /// <summary>The parts used on worksheets (<c>worksheet_parts</c>).</summary>
    public DbSet<WorksheetPart> WorksheetParts => Set<WorksheetPart>();
}
