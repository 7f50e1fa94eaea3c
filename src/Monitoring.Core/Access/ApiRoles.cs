namespace Monitoring.Core.Access;

/// <summary>The roles' names as operators write them (<c>reader</c>, <c>operator</c>, <c>admin</c>).</summary>
public static class ApiRoles
{
    public static IReadOnlyList<ApiRole> All { get; } = [ApiRole.Reader, ApiRole.Operator, ApiRole.Admin];

    public static string Name(ApiRole role) => role switch
    {
        ApiRole.Reader => "reader",
        ApiRole.Operator => "operator",
        ApiRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a role"),
    };

    /// <summary>Reads a role by its name, case ignored; numbers and anything else are refused.</summary>
    public static bool TryParse(string? name, out ApiRole role)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Name(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }

    /// <summary>Whether a key of <paramref name="held"/> passes a rule that asks for <paramref name="required"/>.</summary>
    public static bool Satisfies(ApiRole held, ApiRole required) => held >= required;
}
