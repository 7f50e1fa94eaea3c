# Discovers the monitoring engine on a Windows computer: the computer is a watcher for the engine when the registry
# value HKLM\SOFTWARE\Monitoring.Virtualization\ApiUrl names the engine's REST API (for example http://engine01:8100).
# An empty discovery (no value) is the truthful answer for every other computer.
param(
    [string]$SourceId,
    [string]$ManagedEntityId,
    [string]$ComputerName
)

$ScriptName = 'Discover-Engine.ps1'
$api = New-Object -ComObject 'MOM.ScriptAPI'
$discovery = $api.CreateDiscoveryData(0, $SourceId, $ManagedEntityId)

$apiUrl = $null
$key = Get-ItemProperty -Path 'HKLM:\SOFTWARE\Monitoring.Virtualization' -Name 'ApiUrl' -ErrorAction SilentlyContinue
if ($null -ne $key) {
    $apiUrl = [string]$key.ApiUrl
}

if (-not [string]::IsNullOrEmpty($apiUrl)) {
    $engine = $discovery.CreateClassInstance('$MPElement[Name="Monitoring.Virtualization.Engine"]$')
    $engine.AddProperty('$MPElement[Name="Windows!Microsoft.Windows.Computer"]/PrincipalName$', $ComputerName)
    $engine.AddProperty('$MPElement[Name="Monitoring.Virtualization.Engine"]/ApiUrl$', $apiUrl)
    $engine.AddProperty('$MPElement[Name="System!System.Entity"]/DisplayName$', "Monitoring engine at $apiUrl")
    $discovery.AddInstance($engine)
    $api.LogScriptEvent($ScriptName, 3100, 0, "Found the monitoring engine at $apiUrl")
}

$discovery
