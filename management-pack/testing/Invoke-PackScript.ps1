# Runs one script embedded in the built management pack the way the agent would, under PowerShell 7 with the
# MOM.ScriptAPI stand-in (MomScriptApi.ps1), and prints what it handed the agent as JSON on stdout.
#
#   pwsh -NoProfile -File management-pack/testing/Invoke-PackScript.ps1 `
#        -ManagementPack management-pack/Monitoring.Virtualization.xml -ScriptName Discover-Inventory.ps1 `
#        -ParametersJson '{"SourceId":"s","ManagedEntityId":"m","ComputerName":"watcher01","ApiUrl":"http://127.0.0.1:8100","ApiKey":"..."}'
#
# Like the agent, it first replaces the $MPElement[Name="X"]$ and $MPElement[Name="X"]/Property$ tokens in the script
# (here with the element's name, X or X/Property, where the agent puts ids). The other run-time tokens ($Config/...$,
# $Target/...$, $RunAs[...]$) only occur in module configuration, and arrive here as the parameters you pass.
param(
    [Parameter(Mandatory = $true)] [string]$ManagementPack,
    [Parameter(Mandatory = $true)] [string]$ScriptName,
    [string]$ParametersJson = '{}'
)

$ErrorActionPreference = 'Stop'
[xml]$pack = Get-Content -Raw -LiteralPath $ManagementPack
$body = $pack.SelectNodes('//ScriptBody') | Where-Object { $_.ParentNode.ScriptName -eq $ScriptName } | Select-Object -First 1
if ($null -eq $body) {
    throw "No script named $ScriptName in $ManagementPack"
}

$text = [regex]::Replace($body.InnerText, '\$MPElement\[Name=["'']([^"'']+)["'']\](/[A-Za-z0-9_]+)?\$', { param($m) $m.Groups[1].Value + $m.Groups[2].Value })
$parameters = ConvertFrom-Json -InputObject $ParametersJson -AsHashtable

. (Join-Path $PSScriptRoot 'MomScriptApi.ps1')
$output = & ([scriptblock]::Create($text)) @parameters
ConvertTo-Json -Depth 10 -InputObject (ConvertTo-MomResult -Output $output)
