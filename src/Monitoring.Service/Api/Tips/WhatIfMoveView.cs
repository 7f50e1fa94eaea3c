using System.Text.Json.Serialization;

namespace Monitoring.Service.Api.Tips;

/// <summary>One move of the plan (inventory ids, then the names the inventory gives them).</summary>
internal sealed record WhatIfMoveView(
    [property: JsonPropertyName("vm")] string Vm,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("priority")] int Priority,
    [property: JsonPropertyName("vmName")] string VmName,
    [property: JsonPropertyName("fromName")] string FromName,
    [property: JsonPropertyName("toName")] string ToName);
