namespace Cmms.Data.Users;

/// <summary>A role a user has (administrator, technician, customer, …).</summary>
public sealed class Role
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The unique role name.</summary>
    public required string Name { get; set; }
}
