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

# A list from the API as an array, whether the reply is a bare JSON array or a page (an object with "items" and
# "total"): pages are walked with offset and limit (1000, the API's largest page) until "total" items came, so an
# estate of any size is read whole. (Windows PowerShell hands a JSON array back as one object: foreach unrolls it.)
function Get-MonitoringList {
    param([string]$ApiUrl, [string]$ApiKey, [string]$Path, [int]$TimeoutSeconds = 60)
    $list = New-Object System.Collections.ArrayList
    $separator = '?'
    if ($Path.Contains('?')) {
        $separator = '&'
    }
    while ($true) {
        $reply = Invoke-MonitoringApi -ApiUrl $ApiUrl -ApiKey $ApiKey -Path ($Path + $separator + 'limit=1000&offset=' + $list.Count) -TimeoutSeconds $TimeoutSeconds
        $source = $reply
        $paged = $null -ne $reply -and $null -ne $reply.PSObject.Properties['items']
        if ($paged) {
            $source = $reply.items
        }
        $before = $list.Count
        foreach ($item in $source) {
            if ($null -ne $item) {
                [void]$list.Add($item)
            }
        }
        # A bare array is the whole list; a page that added nothing ends the walk even if the total moved meanwhile.
        if (-not $paged -or $list.Count -eq $before -or $null -eq $reply.PSObject.Properties['total'] -or $list.Count -ge [int]$reply.total) {
            break
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
