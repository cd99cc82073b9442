using Cmms.Data.Machines;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data;

public partial class CmmsDbContext
{
    /// <summary>The production lines (<c>production_lines</c>).</summary>
    public DbSet<ProductionLine> ProductionLines => Set<ProductionLine>();

    /// <summary>The maintained machines (<c>machines</c>).</summary>
    public DbSet<Machine> Machines => Set<Machine>();

    /// <summary>The spare parts in stock (<c>parts</c>).</summary>
    public DbSet<Part> Parts => Set<Part>();

    /// <summary>The movements of parts into and out of stock (<c>stock_transactions</c>).</summary>
    public DbSet<StockTransaction> StockTransactions => Set<StockTransaction>();

    /// <summary>The preventive maintenance tasks (<c>pm_tasks</c>).</summary>
    public DbSet<PmTask> PmTasks => Set<PmTask>();
}
