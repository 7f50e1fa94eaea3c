# A stand-in for the operations manager agent's MOM.ScriptAPI COM object, so that the pack's scripts run unchanged
# under PowerShell 7 on any machine (tests, or a dry run against a live engine). It records what a script hands the
# agent (discovery data, property bags, events) instead of sending it to a management server.
#
# Dot-source it; it defines the classes below, creates one API object ($global:MomScriptApi), and a New-Object
# function that hands that object out for -ComObject 'MOM.ScriptAPI' and passes every other call to the real cmdlet.
# Covered: CreateDiscoveryData / CreateClassInstance / CreateRelationshipInstance / AddProperty / AddInstance,
# CreatePropertyBag / CreateTypedPropertyBag / AddValue, Return / AddItem / ReturnItems, LogScriptEvent.
# Not covered: anything else of the COM object (for example SubmitTask); the scripts of this pack use none of it.

class MomClassInstance {
    [string]$ClassId
    [System.Collections.Specialized.OrderedDictionary]$Properties = [ordered]@{}

    MomClassInstance([string]$classId) { $this.ClassId = $classId }

    [void] AddProperty([string]$propertyId, [object]$value) { $this.Properties[$propertyId] = $value }
}

class MomRelationshipInstance {
    [string]$RelationshipId
    [object]$Source
    [object]$Target
    [System.Collections.Specialized.OrderedDictionary]$Properties = [ordered]@{}

    MomRelationshipInstance([string]$relationshipId) { $this.RelationshipId = $relationshipId }

    [void] AddProperty([string]$propertyId, [object]$value) { $this.Properties[$propertyId] = $value }
}

class MomDiscoveryData {
    [int]$TypeId
    [string]$SourceId
    [string]$ManagedEntityId
    [bool]$IsSnapshot = $true
    [System.Collections.ArrayList]$Instances = [System.Collections.ArrayList]::new()

    MomDiscoveryData([int]$typeId, [string]$sourceId, [string]$managedEntityId) {
        $this.TypeId = $typeId
        $this.SourceId = $sourceId
        $this.ManagedEntityId = $managedEntityId
    }

    [MomClassInstance] CreateClassInstance([string]$classId) { return [MomClassInstance]::new($classId) }

    [MomRelationshipInstance] CreateRelationshipInstance([string]$relationshipId) { return [MomRelationshipInstance]::new($relationshipId) }

    [void] AddInstance([object]$instance) {
        if ($instance -is [MomRelationshipInstance] -and ($null -eq $instance.Source -or $null -eq $instance.Target)) {
            throw "A relationship instance of $($instance.RelationshipId) needs both a Source and a Target before AddInstance"
        }
        [void]$this.Instances.Add($instance)
    }
}

class MomPropertyBag {
    [int]$TypeId
    [System.Collections.Specialized.OrderedDictionary]$Values = [ordered]@{}

    MomPropertyBag([int]$typeId) { $this.TypeId = $typeId }

    [void] AddValue([string]$name, [object]$value) { $this.Values[$name] = $value }
}

class MomScriptApi {
    [System.Collections.ArrayList]$Events = [System.Collections.ArrayList]::new()
    [System.Collections.ArrayList]$Returned = [System.Collections.ArrayList]::new()
    [System.Collections.ArrayList]$Pending = [System.Collections.ArrayList]::new()

    [MomDiscoveryData] CreateDiscoveryData([int]$typeId, [string]$sourceId, [string]$managedEntityId) {
        return [MomDiscoveryData]::new($typeId, $sourceId, $managedEntityId)
    }

    [MomPropertyBag] CreatePropertyBag() { return [MomPropertyBag]::new(0) }

    [MomPropertyBag] CreateTypedPropertyBag([int]$typeId) { return [MomPropertyBag]::new($typeId) }

    # VBScript-style hand-over: Return sends one item; AddItem queues and ReturnItems sends the queue.
    [void] Return([object]$item) { [void]$this.Returned.Add($item) }

    [void] AddItem([object]$item) { [void]$this.Pending.Add($item) }

    [void] ReturnItems() {
        $this.Returned.AddRange($this.Pending)
        $this.Pending.Clear()
    }

    # Level as the agent takes it: 0 information, 1 error, 2 warning, 4 information (verbose).
    [void] LogScriptEvent([string]$scriptName, [int]$eventId, [int]$level, [string]$message) {
        [void]$this.Events.Add([ordered]@{ script = $scriptName; id = $eventId; level = $level; message = $message })
    }
}

$global:MomScriptApi = [MomScriptApi]::new()

function New-Object {
    [CmdletBinding(DefaultParameterSetName = 'Net')]
    param(
        [Parameter(ParameterSetName = 'Net', Mandatory = $true, Position = 0)] [string]$TypeName,
        [Parameter(ParameterSetName = 'Net', Position = 1)] [object[]]$ArgumentList,
        [Parameter(ParameterSetName = 'Com', Mandatory = $true)] [string]$ComObject,
        [Parameter(ParameterSetName = 'Com')] [switch]$Strict,
        [hashtable]$Property
    )
    if ($PSCmdlet.ParameterSetName -eq 'Com' -and $ComObject -eq 'MOM.ScriptAPI') {
        return $global:MomScriptApi
    }
    # The comma keeps a collection (an empty ArrayList) from being unrolled on the way out.
    , (Microsoft.PowerShell.Utility\New-Object @PSBoundParameters)
}

# What a script handed the agent, as plain data: discovery data, property bags, text, and the events it logged.
function ConvertTo-MomResult {
    param([object[]]$Output)
    $keysOf = {
        param($instance)
        [ordered]@{ class = $instance.ClassId; properties = $instance.Properties }
    }
    $result = [ordered]@{ discoveries = @(); bags = @(); text = @(); events = @($global:MomScriptApi.Events) }
    foreach ($item in @($Output) + @($global:MomScriptApi.Returned)) {
        if ($item -is [MomDiscoveryData]) {
            $result.discoveries += [ordered]@{
                sourceId = $item.SourceId
                managedEntityId = $item.ManagedEntityId
                instances = @($item.Instances | Where-Object { $_ -is [MomClassInstance] } | ForEach-Object { & $keysOf $_ })
                relationships = @($item.Instances | Where-Object { $_ -is [MomRelationshipInstance] } | ForEach-Object {
                    [ordered]@{ type = $_.RelationshipId; source = (& $keysOf $_.Source); target = (& $keysOf $_.Target) }
                })
            }
        }
        elseif ($item -is [MomPropertyBag]) {
            $result.bags += , $item.Values
        }
        elseif ($null -ne $item) {
            $result.text += [string]$item
        }
    }
    $result
}
