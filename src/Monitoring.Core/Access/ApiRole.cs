namespace Monitoring.Core.Access;

/// <summary>What an API key may do. Each role includes the ones below it.</summary>
/// <remarks>The numbers order the roles: a key passes a rule when its role is at least the rule's.
/// Stored by name, so the numbers may be renumbered without a migration.</remarks>
public enum ApiRole
{
    /// <summary>Reads: inventory, performance, collector status.</summary>
    Reader = 1,

    /// <summary>Acts on alerts and PRO tips, and everything a reader may.</summary>
    Operator = 2,

    /// <summary>Configuration: API keys, the audit trail, and everything an operator may.</summary>
    Admin = 3,
}
