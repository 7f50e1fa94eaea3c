namespace Monitoring.HealthModel.Alerts;

/// <summary>An alert operation that cannot be done (no such alert, an undefined resolution state), with a message for the operator.</summary>
public sealed class AlertOperationException : Exception
{
    public AlertOperationException()
    {
    }

    public AlertOperationException(string message)
        : base(message)
    {
    }

    public AlertOperationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AlertOperationException(string message, AlertOperationFailure failure)
        : base(message) => Failure = failure;

    /// <summary>Why it was refused; <see cref="AlertOperationFailure.Invalid"/> unless the thrower said otherwise.</summary>
    public AlertOperationFailure Failure { get; }
}
