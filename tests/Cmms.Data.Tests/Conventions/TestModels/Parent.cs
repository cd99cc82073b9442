namespace Cmms.Data.Tests.Conventions.TestModels;

internal sealed class Parent
{
    public long Id { get; set; }

    public int TenantId { get; set; }

    public int Code { get; set; }
}
