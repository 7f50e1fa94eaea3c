namespace Monitoring.Sources.VSphere.Client;

/// <summary>A vSphere managed-object reference: a type and a server-assigned id such as <c>vm-42</c>.</summary>
internal readonly record struct ManagedObjectReference(string Type, string Value)
{
    public override string ToString() => $"{Type}:{Value}";
}
