using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cmms.Data.Migrations.Design;

/// <summary>
///     Design-time services <c>dotnet ef</c> picks up from this startup project: <c>dotnet ef migrations add</c> lints the
///     migration it scaffolds and prints the findings (see <see cref="LintingMigrationsCodeGenerator" />).
/// </summary>
/// <remarks>https://learn.microsoft.com/ef/core/cli/services</remarks>
public sealed class CmmsDesignTimeServices : IDesignTimeServices
{
    /// <inheritdoc />
    public void ConfigureDesignTimeServices(IServiceCollection serviceCollection)
    {
        ArgumentNullException.ThrowIfNull(serviceCollection);

        // EF Core's own selector, decorated: dotnet ef registers its design-time services before the user's.
        var selector = serviceCollection.Last(d => d.ServiceType == typeof(IMigrationsCodeGeneratorSelector));
        serviceCollection.Replace(ServiceDescriptor.Describe(
            typeof(IMigrationsCodeGeneratorSelector),
            services => new LintingMigrationsCodeGeneratorSelector(
                (IMigrationsCodeGeneratorSelector)ActivatorUtilities.CreateInstance(services, selector.ImplementationType!),
                services.GetRequiredService<ICurrentDbContext>()),
            selector.Lifetime));
    }
}
