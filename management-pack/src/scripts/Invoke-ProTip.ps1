# PRO recovery: when a PRO-enabled monitor turns critical, implement the engine's active PRO tip for that object
# (GET /api/v1/tips, then POST /api/v1/tips/{id}/implement). Needs an API key with the operator role. The recoveries
# ship disabled: automatic implementation is off unless an override turns it on (as in VMM, per host group).
# The engine refuses to act on an object in a maintenance window, and says so.
param(
    [string]$ApiUrl,
    [string]$ApiKey,
    [string]$ObjectId,
    [int]$TimeoutSeconds = 240
)

$ErrorActionPreference = 'Stop'

# $Build/Include[scripts/lib/MonitoringApi.ps1]$

$tips = Get-MonitoringList -ApiUrl $ApiUrl -ApiKey $ApiKey -Path '/api/v1/tips' -TimeoutSeconds $TimeoutSeconds
$tip = $null
foreach ($candidate in $tips) {
    if ([string]$candidate.target -eq $ObjectId -and [string]$candidate.status -eq 'Active') {
        $tip = $candidate
        break
    }
}

if ($null -eq $tip) {
    "No active PRO tip for ${ObjectId}: nothing to implement."
    return
}

$result = Invoke-MonitoringApi -ApiUrl $ApiUrl -ApiKey $ApiKey -Path ('/api/v1/tips/' + [uri]::EscapeDataString([string]$tip.id) + '/implement') -Method 'POST' -TimeoutSeconds $TimeoutSeconds
"Implemented PRO tip $($tip.id) for $ObjectId ($($tip.summary)): $(ConvertTo-Json -InputObject $result -Depth 4 -Compress)"
