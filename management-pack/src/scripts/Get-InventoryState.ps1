# One property bag per object of a collection (hosts, vms, clusters or datastores), read from GET /api/v1/<collection>:
# Id, Health (healthy, warning, critical or unknown: the health the source reports) and, for hosts, CpuUsage and
# MemoryUsage (ratios 0-1): the latest minute average of cpu.usage and memory.usage from
# GET /api/v1/performance?object=ID (one call per host; a host without samples in the last hour has neither).
# Every monitor on the collection shares this one run per interval (cook-down): each keeps its object's bag.
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

# The latest minute average of each usage metric of one host, by metric name; empty when it has none (or the read failed:
# the PRO monitors then keep their state rather than judge on missing data).
function Get-LatestUsage {
    param([string]$ObjectId)
    $latest = @{}
    try {
        $series = Invoke-MonitoringApi -ApiUrl $ApiUrl -ApiKey $ApiKey -Path ('/api/v1/performance?object=' + [uri]::EscapeDataString($ObjectId)) -TimeoutSeconds $TimeoutSeconds
    }
    catch {
        $api.LogScriptEvent($ScriptName, 3123, 2, "Could not read the performance of $ObjectId from $ApiUrl : $($_.Exception.Message)")
        return $latest
    }
    foreach ($metric in @(Get-Field $series 'series' @())) {
        $points = @(Get-Field $metric 'points' @())
        if ($points.Count -gt 0) {
            $latest[[string]$metric.metric] = [double]$points[$points.Count - 1].average
        }
    }
    return $latest
}

foreach ($object in $objects) {
    $bag = $api.CreatePropertyBag()
    $bag.AddValue('Id', [string]$object.id)
    $bag.AddValue('Health', [string](Get-Field $object 'health' 'unknown'))
    if ($Collection -eq 'hosts') {
        $usage = Get-LatestUsage -ObjectId ([string]$object.id)
        foreach ($pair in @(@('cpu.usage', 'CpuUsage'), @('memory.usage', 'MemoryUsage'))) {
            if ($usage.ContainsKey($pair[0])) {
                $bag.AddValue($pair[1], $usage[$pair[0]])
            }
        }
    }
    $bag
}
