using System.Text;
using Cmms.Data.Analysis.Advice;
using Cmms.Data.Conventions.Rules;

namespace Cmms.Data.Tests.Analysis.Advice;

public sealed class IndexNamerTests
{
    [Fact]
    public void Names_like_the_model_and_numbers_a_name_already_taken()
    {
        var index = new IndexDefinition { Table = "public.orders", Name = string.Empty, KeyColumns = [new IndexKeyColumn("user_id"), new IndexKeyColumn("created_at")] };
        var taken = new HashSet<string> { "ix_orders_user_id_created_at" };

        IndexNamer.Name(new TableName("public", "orders"), index, taken).Should().Be("ix_orders_user_id_created_at_2");
        IndexNamer.Name(new TableName("public", "orders"), index, taken).Should().Be("ix_orders_user_id_created_at_3");
    }

    [Fact]
    public void Keeps_a_long_name_within_63_bytes_without_splitting_a_character()
    {
        var index = new IndexDefinition { Table = "public.t", Name = string.Empty, KeyColumns = [new IndexKeyColumn(new string('é', 40))] };

        var name = IndexNamer.Name(new TableName("public", "t"), index, new HashSet<string>());

        Encoding.UTF8.GetByteCount(name).Should().BeLessThanOrEqualTo(63).And.BeGreaterThan(60);
        name.Should().StartWith("ix_t_é").And.EndWith("é");
    }

    [Fact]
    public void Names_an_expression_by_the_words_in_it()
    {
        var index = new IndexDefinition { Table = "public.users", Name = string.Empty, KeyColumns = [new IndexKeyColumn("lower((email)::text)", IsExpression: true)] };

        IndexNamer.Name(new TableName("public", "users"), index, new HashSet<string>()).Should().Be("ix_users_lower_email_text");
    }
}
