using System.Diagnostics.CodeAnalysis;

// Test names in this namespace read as sentences (Throwaway_cluster_leaves_no_process_after_dispose).
[assembly: SuppressMessage(
    "Naming",
    "CA1707:Identifiers should not contain underscores",
    Justification = "Test method names are sentences.",
    Scope = "namespaceanddescendants",
    Target = "~N:Cmms.Data.IntegrationTests.Infrastructure")]
