namespace Cmms.Data.IntegrationTests.Tool;

/// <summary>Values the tool tests share.</summary>
internal static class ToolTestDefaults
{
    /// <summary>A password distinctive enough to be searched for in every output.</summary>
    public const string Password = "s3cr3t-Pa55";
}
