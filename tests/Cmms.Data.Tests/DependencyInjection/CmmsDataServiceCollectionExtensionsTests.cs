using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cmms.Data.Tests.DependencyInjection;

public class CmmsDataServiceCollectionExtensionsTests
{
    private const string ConnectionString = "Host=db.example;Database=cmms;Username=app";

    [Fact]
    public void Configuration_binds_ConnectionStrings_Cmms_to_a_pooled_context_on_a_data_source()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Cmms"] = ConnectionString })
            .Build();
        using var services = new ServiceCollection().AddCmmsData(configuration).BuildServiceProvider();

        CmmsDbContext first;
        using (var scope = services.CreateScope())
        {
            first = scope.ServiceProvider.GetRequiredService<CmmsDbContext>();
            first.Database.GetDbConnection().ConnectionString.Should().Contain("Host=db.example").And.Contain("Database=cmms");
        }

        using var nextScope = services.CreateScope();
        var second = nextScope.ServiceProvider.GetRequiredService<CmmsDbContext>();

        second.Should().BeSameAs(first, "a pooled context is returned to the pool and reused");
        services.GetRequiredService<NpgsqlDataSource>().ConnectionString.Should().Contain("Host=db.example");
    }

    [Fact]
    public void Registered_context_has_the_conventions_switched_on()
    {
        using var services = new ServiceCollection().AddCmmsData(ConnectionString).BuildServiceProvider();
        using var scope = services.CreateScope();

        var model = scope.ServiceProvider.GetRequiredService<CmmsDbContext>().GetService<IDesignTimeModel>().Model;

        model.FindEntityType(typeof(Users.User))!.GetTableName().Should().Be("users");
        model.GetPrunedIndexes().Should().Contain(p => p.Name == "ix_users_username" && p.CoveredBy == "ux_users_username");
    }

    [Fact]
    public void Context_on_a_caller_owned_data_source_uses_that_data_source()
    {
        using var dataSource = NpgsqlDataSource.Create(ConnectionString + ";Application Name=caller-owned");
        using var services = new ServiceCollection().AddCmmsData(dataSource).BuildServiceProvider();
        using var scope = services.CreateScope();

        var context = scope.ServiceProvider.GetRequiredService<CmmsDbContext>();

        context.Database.GetDbConnection().ConnectionString.Should().Contain("Application Name=caller-owned");
        services.GetService<NpgsqlDataSource>().Should().BeNull("the caller owns and disposes its data source");
    }

    [Fact]
    public void Missing_connection_string_fails_naming_the_setting_to_add()
    {
        var configuration = new ConfigurationBuilder().Build();

        var register = () => new ServiceCollection().AddCmmsData(configuration);

        register.Should().Throw<InvalidOperationException>()
            .WithMessage("*'ConnectionStrings:Cmms' is missing*ConnectionStrings__Cmms*");
    }
}
