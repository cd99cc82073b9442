using Cmms.Data.Users;

namespace Cmms.Data.Experiments;

/// <summary>One request made with an API key; the table is append-only and large.</summary>
public sealed class ApiRequestLog
{
    /// <summary>The identity key.</summary>
    public long Id { get; set; }

    /// <summary>The key the request was authenticated with.</summary>
    public long ApiKeyId { get; set; }

    /// <summary>The key the request was authenticated with.</summary>
    public ApiKey ApiKey { get; set; } = null!;

    /// <summary>The method and path requested (for example <c>POST /experiments</c>).</summary>
    public required string Endpoint { get; set; }

    /// <summary>The HTTP status code of the response.</summary>
    public int StatusCode { get; set; }

    /// <summary>How long the request took, in milliseconds.</summary>
    public int DurationMs { get; set; }

    /// <summary>When the request arrived (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
