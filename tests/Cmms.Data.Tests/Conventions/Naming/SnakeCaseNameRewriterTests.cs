using Cmms.Data.Conventions.Naming;

namespace Cmms.Data.Tests.Conventions.Naming;

public class SnakeCaseNameRewriterTests
{
    [Theory]
    [InlineData("UserActivityLogs", "user_activity_logs")]
    [InlineData("IsPhoneVerified", "is_phone_verified")]
    [InlineData("Id", "id")]
    [InlineData("HTTPServer", "http_server")]
    [InlineData("SomeHTTPServer", "some_http_server")]
    [InlineData("PK_Users", "pk_users")]
    [InlineData("IX_users_role_id", "ix_users_role_id")]
    [InlineData("FK_worksheets_users_AssignedToUserId", "fk_worksheets_users_assigned_to_user_id")]
    [InlineData("Address1Line", "address1line")]
    [InlineData("already_snake", "already_snake")]
    [InlineData("With Space", "with_space")]
    public void Rewrites_names_like_EFCore_NamingConventions(string name, string expected)
        => SnakeCaseNameRewriter.Rewrite(name).Should().Be(expected);
}
