using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cmms.Data.IntegrationTests.Infrastructure;

/// <summary>
///     EF Core counts the internal service providers of a process and refuses a context that would build the 21st. This
///     test process builds many configurations on purpose (SQLite and PostgreSQL, contexts of their own with their own
///     history tables, migrations assemblies, interceptors and loggers), so the test contexts allow it; whichever class
///     runs late would fail otherwise.
/// </summary>
internal static class ManyServiceProviders
{
    public static TBuilder AllowManyServiceProviders<TBuilder>(this TBuilder options)
        where TBuilder : DbContextOptionsBuilder
    {
        options.ConfigureWarnings(warnings => warnings.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning));
        return options;
    }
}
