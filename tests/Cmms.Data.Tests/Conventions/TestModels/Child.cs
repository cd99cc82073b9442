using System.Text.Json;

namespace Cmms.Data.Tests.Conventions.TestModels;

internal sealed class Child
{
    public long Id { get; set; }

    public long ParentId { get; set; }

    public Parent Parent { get; set; } = null!;

    public int A { get; set; }

    public int B { get; set; }

    public int C { get; set; }

    public string? D { get; set; }

    public JsonDocument? Doc { get; set; }

    public bool Flag { get; set; }

    public int TenantId { get; set; }

    public int ParentCode { get; set; }
}
