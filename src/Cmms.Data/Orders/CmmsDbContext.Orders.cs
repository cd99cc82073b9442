using Cmms.Data.Orders;
using Microsoft.EntityFrameworkCore;

namespace Cmms.Data;

public partial class CmmsDbContext
{
    /// <summary>The subscription plans (<c>plans</c>).</summary>
    public DbSet<Plan> Plans => Set<Plan>();

    /// <summary>The purchases of plans (<c>orders</c>).</summary>
    public DbSet<Order> Orders => Set<Order>();
}
