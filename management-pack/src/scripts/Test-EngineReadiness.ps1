# Is the engine up and ready? GET /readyz (no key needed): 200 means the database answers and the scheduler runs.
# One property bag: Ready (true or false) and Detail (what failed).
param(
    [string]$ApiUrl,
    [int]$TimeoutSeconds = 30
)

$api = New-Object -ComObject 'MOM.ScriptAPI'
$bag = $api.CreatePropertyBag()
try {
    [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
    $reply = Invoke-WebRequest -Uri ($ApiUrl.TrimEnd('/') + '/readyz') -UseBasicParsing -TimeoutSec $TimeoutSeconds
    $bag.AddValue('Ready', 'true')
    $bag.AddValue('Detail', "HTTP $($reply.StatusCode)")
}
catch {
    $bag.AddValue('Ready', 'false')
    $bag.AddValue('Detail', $_.Exception.Message)
}
$bag
