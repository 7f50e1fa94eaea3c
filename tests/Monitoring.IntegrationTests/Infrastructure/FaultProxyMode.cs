namespace Monitoring.IntegrationTests.Infrastructure;

/// <summary>What <see cref="FaultProxy"/> does with a request for a SOAP method.</summary>
internal enum FaultProxyMode
{
    /// <summary>Forwards the request and returns the simulator's reply unchanged.</summary>
    PassThrough,

    /// <summary>Answers 200 with an HTML error page (what a misconfigured load balancer sends).</summary>
    NotXml,

    /// <summary>Forwards, then returns only the first half of the simulator's reply (correctly framed).</summary>
    Truncated,

    /// <summary>Answers HTTP 503 without forwarding.</summary>
    ServiceUnavailable,

    /// <summary>Reads the request, then aborts the connection without a reply.</summary>
    ConnectionReset,

    /// <summary>Reads the request and never replies (the request is held until the client gives up or the proxy stops).</summary>
    NeverAnswers,

    /// <summary>For <c>RetrievePropertiesEx</c>: forwards, then splits the reply's objects into pages of
    /// <see cref="FaultProxy.PageSize"/> behind continuation tokens.</summary>
    Paging,
}
