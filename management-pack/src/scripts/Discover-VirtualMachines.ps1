# Discovers the virtual machines from GET /api/v1/vms and which host runs each (a reference, so a VM that moves
# to another host stays the same object in the operations manager).
param(
    [string]$SourceId,
    [string]$ManagedEntityId,
    [string]$ComputerName,
    [string]$ApiUrl,
    [string]$ApiKey,
    [int]$TimeoutSeconds = 120
)

$ScriptName = 'Discover-VirtualMachines.ps1'
$ErrorActionPreference = 'Stop'
$api = New-Object -ComObject 'MOM.ScriptAPI'

# $Build/Include[scripts/lib/MonitoringApi.ps1]$

try {
    $vms = Get-MonitoringList -ApiUrl $ApiUrl -ApiKey $ApiKey -Path '/api/v1/vms' -TimeoutSeconds $TimeoutSeconds
}
catch {
    $api.LogScriptEvent($ScriptName, 3111, 1, "Could not read the virtual machines from $ApiUrl : $($_.Exception.Message)")
    return
}

$discovery = $api.CreateDiscoveryData(0, $SourceId, $ManagedEntityId)
$principal = '$MPElement[Name="Windows!Microsoft.Windows.Computer"]/PrincipalName$'
$targetName = '$MPElement[Name="Monitoring.Virtualization.Target"]/Name$'

foreach ($item in $vms) {
    $vm = $discovery.CreateClassInstance('$MPElement[Name="Monitoring.Virtualization.VirtualMachine"]$')
    $vm.AddProperty($principal, $ComputerName)
    $vm.AddProperty($targetName, [string]$item.target)
    $vm.AddProperty('$MPElement[Name="Monitoring.Virtualization.VirtualMachine"]/Id$', [string]$item.id)
    $vm.AddProperty('$MPElement[Name="Monitoring.Virtualization.VirtualMachine"]/Name$', [string]$item.name)
    $vm.AddProperty('$MPElement[Name="Monitoring.Virtualization.VirtualMachine"]/HostId$', [string](Get-Field $item 'hostId' ''))
    $vm.AddProperty('$MPElement[Name="Monitoring.Virtualization.VirtualMachine"]/CpuCount$', [int](Get-Field $item 'cpuCount' 0))
    $vm.AddProperty('$MPElement[Name="Monitoring.Virtualization.VirtualMachine"]/MemoryBytes$', [double](Get-Field $item 'memoryBytes' 0))
    $vm.AddProperty('$MPElement[Name="System!System.Entity"]/DisplayName$', [string]$item.name)
    $discovery.AddInstance($vm)

    $hostId = Get-Field $item 'hostId'
    if ($null -ne $hostId) {
        # The host as a key-only instance: the relationship needs its identity, not its properties.
        $hostInstance = $discovery.CreateClassInstance('$MPElement[Name="Monitoring.Virtualization.Host"]$')
        $hostInstance.AddProperty($principal, $ComputerName)
        $hostInstance.AddProperty($targetName, [string]$item.target)
        $hostInstance.AddProperty('$MPElement[Name="Monitoring.Virtualization.Host"]/Id$', [string]$hostId)
        $runs = $discovery.CreateRelationshipInstance('$MPElement[Name="Monitoring.Virtualization.HostRunsVirtualMachine"]$')
        $runs.Source = $hostInstance
        $runs.Target = $vm
        $discovery.AddInstance($runs)
    }
}

$api.LogScriptEvent($ScriptName, 3112, 0, "Discovered $($vms.Count) virtual machines from $ApiUrl")
$discovery
