using Cmms.Data.Tool.Connection;
using Cmms.Data.Tool.Errors;
using Npgsql;

namespace Cmms.Data.Tests.Tool;

/// <summary>
///     <c>--verbose</c> prints a failure's full error, scrubbed of secrets. The embedded server's password is in no
///     argument and no environment variable, so the failure itself must carry it to the scrubbing.
/// </summary>
public sealed class VerboseSecretTests
{
    private const string Password = "Embedded-Secret-7f3a";

    private static readonly DatabaseConnection Embedded = new(
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = 40661, Database = "cmms", Username = "postgres", Password = Password },
        ConnectionSource.Embedded);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_failure_on_the_embedded_server_carries_its_password_so_verbose_output_is_scrubbed_of_it(bool alreadyTranslated)
    {
        var inner = new InvalidOperationException($"could not use {Embedded.ConnectionString} (password {Password})");
        Exception thrown = alreadyTranslated ? new ToolException("The migration failed.", inner) : inner;

        var failure = ErrorTranslator.Translate(thrown, Embedded);

        failure.Secrets.Should().Contain(Password);
        var verbose = SecretRedactor.Redact((failure.InnerException ?? failure).ToString(), failure.Secrets);
        verbose.Should().NotContain(Password).And.Contain(SecretRedactor.Mask);
        failure.Message.Should().NotContain(Password);
    }
}
