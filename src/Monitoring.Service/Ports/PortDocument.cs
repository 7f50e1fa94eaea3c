namespace Monitoring.Service.Ports;

/// <summary>One connection in <c>ports --json</c>: the plan and, with <c>--check</c>, what the check found (else null).</summary>
internal sealed record PortDocument(
    string Kind,
    string Name,
    string Direction,
    string Protocol,
    string? Host,
    int? Port,
    string Purpose,
    string Address,
    bool Pinned,
    ConnectionCheck? Check)
{
    public static PortDocument From(PlannedConnection connection, ConnectionCheck? check)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new(connection.Kind, connection.Name, connection.Direction, connection.Protocol, connection.Host, connection.Port, connection.Purpose, connection.Address, connection.Pinned, check);
    }
}
