# Discovers what the engine monitors: its targets, clusters (as host groups), hosts and datastores, read from
# GET /api/v1/hosts, /clusters and /datastores. Runs on the engine's watcher; the API key comes from the Run As profile.
param(
    [string]$SourceId,
    [string]$ManagedEntityId,
    [string]$ComputerName,
    [string]$ApiUrl,
    [string]$ApiKey,
    [int]$TimeoutSeconds = 120
)

$ScriptName = 'Discover-Inventory.ps1'
$ErrorActionPreference = 'Stop'
$api = New-Object -ComObject 'MOM.ScriptAPI'

# $Build/Include[scripts/lib/MonitoringApi.ps1]$

try {
    $hosts = Get-MonitoringList -ApiUrl $ApiUrl -ApiKey $ApiKey -Path '/api/v1/hosts' -TimeoutSeconds $TimeoutSeconds
    $clusters = Get-MonitoringList -ApiUrl $ApiUrl -ApiKey $ApiKey -Path '/api/v1/clusters' -TimeoutSeconds $TimeoutSeconds
    $datastores = Get-MonitoringList -ApiUrl $ApiUrl -ApiKey $ApiKey -Path '/api/v1/datastores' -TimeoutSeconds $TimeoutSeconds
}
catch {
    # No discovery data at all: an empty snapshot would remove every object discovered so far.
    $api.LogScriptEvent($ScriptName, 3101, 1, "Could not read the inventory from $ApiUrl : $($_.Exception.Message)")
    return
}

$discovery = $api.CreateDiscoveryData(0, $SourceId, $ManagedEntityId)
$principal = '$MPElement[Name="Windows!Microsoft.Windows.Computer"]/PrincipalName$'
$displayName = '$MPElement[Name="System!System.Entity"]/DisplayName$'
$targetName = '$MPElement[Name="Monitoring.Virtualization.Target"]/Name$'

# Every object's hosting chain starts with the engine's computer and the target's name.
function New-Hosted {
    param([string]$Class, [string]$Target)
    $instance = $discovery.CreateClassInstance($Class)
    $instance.AddProperty($principal, $ComputerName)
    $instance.AddProperty($targetName, $Target)
    return $instance
}

$targets = @{}
foreach ($object in @($hosts) + @($clusters) + @($datastores)) {
    $name = [string](Get-Field $object 'target' '')
    if ($name -ne '' -and -not $targets.ContainsKey($name)) {
        $target = New-Hosted -Class '$MPElement[Name="Monitoring.Virtualization.Target"]$' -Target $name
        $target.AddProperty($displayName, $name)
        $discovery.AddInstance($target)
        $targets[$name] = $target
    }
}

# Clusters by target and name: a host names its cluster, the cluster carries the id.
$groups = @{}
foreach ($cluster in $clusters) {
    $group = New-Hosted -Class '$MPElement[Name="Monitoring.Virtualization.HostGroup"]$' -Target ([string]$cluster.target)
    $group.AddProperty('$MPElement[Name="Monitoring.Virtualization.HostGroup"]/Id$', [string]$cluster.id)
    $group.AddProperty('$MPElement[Name="Monitoring.Virtualization.HostGroup"]/Name$', [string]$cluster.name)
    $group.AddProperty($displayName, [string]$cluster.name)
    $discovery.AddInstance($group)
    $groups[[string]$cluster.target + '|' + [string]$cluster.name] = $group
}

foreach ($item in $hosts) {
    $hostInstance = New-Hosted -Class '$MPElement[Name="Monitoring.Virtualization.Host"]$' -Target ([string]$item.target)
    $hostInstance.AddProperty('$MPElement[Name="Monitoring.Virtualization.Host"]/Id$', [string]$item.id)
    $hostInstance.AddProperty('$MPElement[Name="Monitoring.Virtualization.Host"]/Name$', [string]$item.name)
    $hostInstance.AddProperty('$MPElement[Name="Monitoring.Virtualization.Host"]/Hypervisor$', [string](Get-Field $item 'hypervisor' ''))
    $hostInstance.AddProperty('$MPElement[Name="Monitoring.Virtualization.Host"]/Cluster$', [string](Get-Field $item 'cluster' ''))
    $hostInstance.AddProperty('$MPElement[Name="Monitoring.Virtualization.Host"]/CpuCount$', [int](Get-Field $item 'cpuCount' 0))
    $hostInstance.AddProperty('$MPElement[Name="Monitoring.Virtualization.Host"]/MemoryBytes$', [double](Get-Field $item 'memoryBytes' 0))
    $hostInstance.AddProperty($displayName, [string]$item.name)
    $discovery.AddInstance($hostInstance)

    $clusterName = Get-Field $item 'cluster'
    if ($null -ne $clusterName) {
        $group = $groups[[string]$item.target + '|' + [string]$clusterName]
        if ($null -ne $group) {
            $membership = $discovery.CreateRelationshipInstance('$MPElement[Name="Monitoring.Virtualization.HostGroupContainsHost"]$')
            $membership.Source = $group
            $membership.Target = $hostInstance
            $discovery.AddInstance($membership)
        }
    }
}

foreach ($item in $datastores) {
    $datastore = New-Hosted -Class '$MPElement[Name="Monitoring.Virtualization.Datastore"]$' -Target ([string]$item.target)
    $datastore.AddProperty('$MPElement[Name="Monitoring.Virtualization.Datastore"]/Id$', [string]$item.id)
    $datastore.AddProperty('$MPElement[Name="Monitoring.Virtualization.Datastore"]/Name$', [string]$item.name)
    $datastore.AddProperty('$MPElement[Name="Monitoring.Virtualization.Datastore"]/CapacityBytes$', [double](Get-Field $item 'capacityBytes' 0))
    $datastore.AddProperty($displayName, [string]$item.name)
    $discovery.AddInstance($datastore)
}

$api.LogScriptEvent($ScriptName, 3102, 0, "Discovered $($targets.Count) targets, $($clusters.Count) clusters, $($hosts.Count) hosts, $($datastores.Count) datastores from $ApiUrl")
$discovery
