# Reads the engine's alert feed for this connector (GET /api/v1/alert-feed?connector=NAME&max=N), returns one property
# bag per open alert, then acknowledges the batch (POST /api/v1/alert-feed/ack). The engine keeps the bookmark per
# connector and delivers again whatever was not acknowledged, so an agent restart loses nothing; a repeat of an alert
# the operations manager already holds only raises its repeat count (the rules suppress on AlertId).
param(
    [string]$ApiUrl,
    [string]$ApiKey,
    [string]$Connector,
    [int]$MaxItems = 200,
    [int]$TimeoutSeconds = 60
)

$ScriptName = 'Read-AlertFeed.ps1'
$ErrorActionPreference = 'Stop'
$api = New-Object -ComObject 'MOM.ScriptAPI'

# $Build/Include[scripts/lib/MonitoringApi.ps1]$

$path = '/api/v1/alert-feed?connector=' + [uri]::EscapeDataString($Connector) + '&max=' + $MaxItems
try {
    $feed = Invoke-MonitoringApi -ApiUrl $ApiUrl -ApiKey $ApiKey -Path $path -TimeoutSeconds $TimeoutSeconds
}
catch {
    $api.LogScriptEvent($ScriptName, 3131, 1, "Could not read the alert feed from $ApiUrl : $($_.Exception.Message)")
    return
}

$count = 0
foreach ($item in $feed.items) {
    if ($null -eq $item -or [string](Get-Field $item 'state' 'open') -eq 'closed') {
        continue
    }
    $bag = $api.CreatePropertyBag()
    $bag.AddValue('AlertId', [string]$item.id)
    $bag.AddValue('Name', [string]$item.name)
    $bag.AddValue('Severity', [string](Get-Field $item 'severity' 'Warning'))
    $bag.AddValue('Priority', [string](Get-Field $item 'priority' 'Normal'))
    $bag.AddValue('Object', [string](Get-Field $item 'object' ''))
    $bag.AddValue('Description', [string](Get-Field $item 'description' ([string]$item.name)))
    $bag
    $count++
}

$bookmark = Get-Field $feed 'bookmark'
if ($null -ne $bookmark) {
    try {
        [void](Invoke-MonitoringApi -ApiUrl $ApiUrl -ApiKey $ApiKey -Path '/api/v1/alert-feed/ack' -Method 'POST' -Body @{ connector = $Connector; bookmark = [string]$bookmark } -TimeoutSeconds $TimeoutSeconds)
    }
    catch {
        # Not acknowledged: the engine delivers the batch again next time, and suppression keeps it one alert.
        $api.LogScriptEvent($ScriptName, 3132, 2, "Could not acknowledge the alert feed at $ApiUrl : $($_.Exception.Message)")
    }
}
