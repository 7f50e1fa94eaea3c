# One property bag per object of a collection (hosts, vms, clusters or datastores), read from GET /api/v1/<collection>:
# Id, Health (healthy, warning, critical or unknown) and, where the API reports them, CpuUsage and MemoryUsage
# (ratios 0-1). Every monitor on the collection shares this one call per interval (cook-down): each keeps its object's bag.
param(
    [string]$ApiUrl,
    [string]$ApiKey,
    [string]$Collection,
    [int]$TimeoutSeconds = 60
)

$ScriptName = 'Get-InventoryState.ps1'
$ErrorActionPreference = 'Stop'
$api = New-Object -ComObject 'MOM.ScriptAPI'

# $Build/Include[scripts/lib/MonitoringApi.ps1]$

if (@('hosts', 'vms', 'clusters', 'datastores') -notcontains $Collection) {
    $api.LogScriptEvent($ScriptName, 3121, 1, "Unknown collection '$Collection': use hosts, vms, clusters or datastores")
    return
}

try {
    $objects = Get-MonitoringList -ApiUrl $ApiUrl -ApiKey $ApiKey -Path "/api/v1/$Collection" -TimeoutSeconds $TimeoutSeconds
}
catch {
    # No bags: the monitors keep their state rather than turning healthy on missing data.
    $api.LogScriptEvent($ScriptName, 3122, 1, "Could not read /api/v1/$Collection from $ApiUrl : $($_.Exception.Message)")
    return
}

foreach ($object in $objects) {
    $bag = $api.CreatePropertyBag()
    $bag.AddValue('Id', [string]$object.id)
    $bag.AddValue('Health', [string](Get-Field $object 'health' 'unknown'))
    foreach ($field in @('cpuUsage', 'memoryUsage')) {
        $value = Get-Field $object $field
        if ($null -ne $value) {
            $name = $field.Substring(0, 1).ToUpperInvariant() + $field.Substring(1)
            $bag.AddValue($name, [double]$value)
        }
    }
    $bag
}
