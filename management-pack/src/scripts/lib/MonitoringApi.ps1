# --- Reading the engine's REST API (shared by every script of the pack; written for Windows PowerShell 5.1) ---
# The API key travels in the X-Api-Key header only; it is never written to an event or a property bag.
function Invoke-MonitoringApi {
    param(
        [string]$ApiUrl,
        [string]$ApiKey,
        [string]$Path,
        [string]$Method = 'GET',
        [object]$Body = $null,
        [int]$TimeoutSeconds = 60
    )
    # Windows PowerShell 5.1 on older .NET offers TLS 1.0 first; ask for TLS 1.2 as well.
    [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
    $arguments = @{
        Uri = $ApiUrl.TrimEnd('/') + $Path
        Method = $Method
        Headers = @{ 'X-Api-Key' = $ApiKey; 'Accept' = 'application/json' }
        TimeoutSec = $TimeoutSeconds
        UseBasicParsing = $true
    }
    if ($null -ne $Body) {
        $arguments['Body'] = ConvertTo-Json -InputObject $Body -Depth 5 -Compress
        $arguments['ContentType'] = 'application/json'
    }
    Invoke-RestMethod @arguments
}

# A list from the API as an array, whether the reply is a bare JSON array or an object with "items".
# (Windows PowerShell hands a JSON array back as one object: foreach unrolls it.)
function Get-MonitoringList {
    param([string]$ApiUrl, [string]$ApiKey, [string]$Path, [int]$TimeoutSeconds = 60)
    $reply = Invoke-MonitoringApi -ApiUrl $ApiUrl -ApiKey $ApiKey -Path $Path -TimeoutSeconds $TimeoutSeconds
    $source = $reply
    if ($null -ne $reply -and $null -ne $reply.PSObject.Properties['items']) {
        $source = $reply.items
    }
    $list = New-Object System.Collections.ArrayList
    foreach ($item in $source) {
        if ($null -ne $item) {
            [void]$list.Add($item)
        }
    }
    return ,$list
}

# A property of a reply object, or $Default when the reply does not carry it.
function Get-Field {
    param([object]$Object, [string]$Name, [object]$Default = $null)
    $property = $Object.PSObject.Properties[$Name]
    if ($null -eq $property -or $null -eq $property.Value) {
        return $Default
    }
    return $property.Value
}
# --- end of the shared part ---
