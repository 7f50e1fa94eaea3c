#!/usr/bin/env python3
"""Generates the WS-Management replies that no public capture exists for (Hyper-V Msvm_* classes,
Win32_ComputerSystem/OperatingSystem/LogicalDisk and the formatted performance classes).

How: each reply is a real captured Windows Server 2008 R2 envelope (../WinRb-WinRM/2013-aef7dec/
enumerate_1.xml for enumerations, ../WinRb-WinRM/2013-aef7dec/invoke_1.xml for method output) whose
body is replaced by instances written the way that capture writes Win32_Process: one element per
instance named after the class, in the class's resource-URI namespace, one child per property, nil
values as xsi:nil, datetimes inside cim:Datetime. Property names and types are transcribed from the
class definitions (MOF) Microsoft publishes, cited per class below. Values are chosen here; host names
of the Windows profile are those of the captured host (VAGRANT-2008R2, Windows Server 2008 R2 Standard,
6.1.7601). Embedded objects in method output (Msvm_SummaryInformation) are written as the parameter
element holding one element named after the class (DSP0230's rendering); that is an assumption, not
a capture.

Run from this folder: python3 generate.py  (writes the profile folders beside it; deterministic).
"""
import os
import re
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
CAPTURED = os.path.join(HERE, "..", "WinRb-WinRM", "2013-aef7dec")
PREFIX = "http://schemas.microsoft.com/wbem/wsman/1/wmi/"

# Class definitions: property -> CIM type, in MOF order (subset: every property a collector reads,
# plus the keys). Sources:
#  Win32_ComputerSystem   https://learn.microsoft.com/windows/win32/cimwin32prov/win32-computersystem
#  Win32_OperatingSystem  https://learn.microsoft.com/windows/win32/cimwin32prov/win32-operatingsystem
#  Win32_LogicalDisk      https://learn.microsoft.com/windows/win32/cimwin32prov/win32-logicaldisk
#  Win32_PerfFormattedData_* (formatted counter classes, root/cimv2)
#                         https://learn.microsoft.com/previous-versions/aa394253(v=vs.85)
#  Msvm_ComputerSystem v1 https://learn.microsoft.com/previous-versions/windows/desktop/virtual/msvm-computersystem
#  Msvm_ComputerSystem v2 https://learn.microsoft.com/windows/win32/hyperv_v2/msvm-computersystem
#  Msvm_MemorySettingData https://learn.microsoft.com/windows/win32/hyperv_v2/msvm-memorysettingdata
#  Msvm_VirtualSystemManagementService
#                         https://learn.microsoft.com/windows/win32/hyperv_v2/msvm-virtualsystemmanagementservice
#  Msvm_SummaryInformation https://learn.microsoft.com/previous-versions/windows/desktop/virtual/msvm-summaryinformation
#  GetSummaryInformation  https://learn.microsoft.com/windows/win32/hyperv_v2/getsummaryinformation-msvm-virtualsystemmanagementservice
#  Msvm_VirtualSystemMigrationService
#                         https://learn.microsoft.com/windows/win32/hyperv_v2/msvm-virtualsystemmigrationservice
#  MigrateVirtualSystemToHost (return codes 0, 4096, 32768-32778)
#                         https://learn.microsoft.com/windows/win32/hyperv_v2/migratevirtualsystemtohost-msvm-virtualsystemmigrationservice
#  Msvm_ConcreteJob       https://learn.microsoft.com/windows/win32/hyperv_v2/msvm-concretejob
CLASSES = {
    "Win32_ComputerSystem": [("Caption", "string"), ("Domain", "string"), ("Manufacturer", "string"), ("Model", "string"),
        ("Name", "string"), ("NumberOfLogicalProcessors", "uint32"), ("NumberOfProcessors", "uint32"),
        ("PartOfDomain", "boolean"), ("Status", "string"), ("SystemType", "string"), ("TotalPhysicalMemory", "uint64")],
    "Win32_OperatingSystem": [("BuildNumber", "string"), ("Caption", "string"), ("CSDVersion", "string"), ("CSName", "string"),
        ("FreePhysicalMemory", "uint64"), ("LastBootUpTime", "datetime"), ("Name", "string"), ("OSArchitecture", "string"),
        ("TotalVisibleMemorySize", "uint64"), ("Version", "string")],
    "Win32_LogicalDisk": [("Caption", "string"), ("DeviceID", "string"), ("DriveType", "uint32"), ("FileSystem", "string"),
        ("FreeSpace", "uint64"), ("Name", "string"), ("Size", "uint64"), ("VolumeName", "string")],
    "Win32_PerfFormattedData_PerfOS_Processor": [("Name", "string"), ("PercentIdleTime", "uint64"), ("PercentProcessorTime", "uint64")],
    "Win32_PerfFormattedData_HvStats_HyperVHypervisorLogicalProcessor": [("Name", "string"), ("PercentGuestRunTime", "uint64"),
        ("PercentHypervisorRunTime", "uint64"), ("PercentTotalRunTime", "uint64")],
    "Win32_PerfFormattedData_PerfDisk_PhysicalDisk": [("DiskBytesPersec", "uint64"), ("DiskReadBytesPersec", "uint64"),
        ("DiskWriteBytesPersec", "uint64"), ("Name", "string")],
    "Win32_PerfFormattedData_Tcpip_NetworkInterface": [("BytesReceivedPersec", "uint32"), ("BytesSentPersec", "uint64"),
        ("BytesTotalPersec", "uint64"), ("Name", "string")],
    "Msvm_ComputerSystem": [("Caption", "string"), ("CreationClassName", "string"), ("Description", "string"), ("ElementName", "string"),
        ("EnabledState", "uint16"), ("HealthState", "uint16"), ("Name", "string"), ("OnTimeInMilliseconds", "uint64"),
        ("ProcessID", "uint32"), ("TimeOfLastConfigurationChange", "datetime")],
    "Msvm_MemorySettingData": [("Caption", "string"), ("DynamicMemoryEnabled", "boolean"), ("ElementName", "string"),
        ("InstanceID", "string"), ("Limit", "uint64"), ("Reservation", "uint64"), ("VirtualQuantity", "uint64")],
    "Msvm_VirtualSystemManagementService": [("Caption", "string"), ("CreationClassName", "string"), ("ElementName", "string"),
        ("EnabledState", "uint16"), ("HealthState", "uint16"), ("Name", "string"), ("SystemCreationClassName", "string"),
        ("SystemName", "string")],
    # Virtual Server 2005 R2 SP1's provider (root/vm/virtualserver): no MOF is published that we could find; the
    # names are those Microsoft's Virtual Server team documents (blogs.msdn.microsoft.com/virtual_pc_guy,
    # "Looking at the VM Heartbeat with WMI", 2006).
    "VirtualMachine": [("HeartbeatCount", "uint64"), ("HeartbeatInterval", "uint32"), ("HeartbeatPercentage", "uint32"),
        ("HeartbeatRate", "uint32"), ("Name", "string")],
    "Msvm_VirtualSystemMigrationService": [("Caption", "string"), ("CreationClassName", "string"), ("ElementName", "string"),
        ("EnabledState", "uint16"), ("HealthState", "uint16"), ("Name", "string"), ("SystemCreationClassName", "string"),
        ("SystemName", "string")],
    "Msvm_ConcreteJob": [("Caption", "string"), ("Cancellable", "boolean"), ("Description", "string"), ("ElapsedTime", "interval"),
        ("ElementName", "string"), ("ErrorCode", "uint16"), ("ErrorDescription", "string"), ("InstanceID", "string"),
        ("JobState", "uint16"), ("JobStatus", "string"), ("JobType", "uint16"), ("PercentComplete", "uint16"),
        ("StartTime", "datetime"), ("TimeSubmitted", "datetime")],
    "Msvm_SummaryInformation": [("ElementName", "string"), ("EnabledState", "uint16"), ("GuestOperatingSystem", "string"),
        ("HealthState", "uint16"), ("Heartbeat", "uint16"), ("MemoryAvailable", "sint32"), ("MemoryUsage", "uint64"),
        ("Name", "string"), ("NumberOfProcessors", "uint16"), ("ProcessorLoad", "uint16"), ("UpTime", "uint64")],
}


def value_xml(cls_prefix, name, cim_type, value):
    if value is None:
        return f'<p:{name} xsi:nil="true"/>'
    if isinstance(value, list):
        return "".join(value_xml(cls_prefix, name, cim_type, v) for v in value)
    if cim_type == "datetime":
        return f"<p:{name}><cim:Datetime>{escape(value)}</cim:Datetime></p:{name}>"
    if cim_type == "interval":
        return f"<p:{name}><cim:Interval>{escape(value)}</cim:Interval></p:{name}>"
    if cim_type == "boolean":
        value = "true" if value else "false"
    return f"<p:{name}>{escape(str(value))}</p:{name}>"


def instance_xml(wmi_namespace, cls, values, element=None):
    uri = PREFIX + wmi_namespace + "/" + cls
    element = element or cls
    props = "".join(value_xml("p", n, t, values.get(n)) for n, t in CLASSES[cls])
    return (f'<p:{element} xmlns:p="{uri}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            f'xmlns:cim="http://schemas.dmtf.org/wbem/wscim/1/common" xsi:type="p:{cls}_Type">{props}</p:{element}>')


def read(name):
    with open(os.path.join(CAPTURED, name), encoding="utf-8") as f:
        return f.read()


def enumerate_reply(wmi_namespace, cls, instances):
    """The captured EnumerateResponse, its items replaced, ending the sequence (OptimizeEnumeration)."""
    template = read("enumerate_1.xml")
    items = "\n        ".join(instance_xml(wmi_namespace, cls, v) for v in instances)
    body = ("<n:EnumerateResponse>\n      <n:EnumerationContext></n:EnumerationContext>\n      <w:Items>\n        "
            + items + "\n      </w:Items>\n      <w:EndOfSequence/>\n    </n:EnumerateResponse>")
    return re.sub(r"<n:EnumerateResponse>.*</n:EnumerateResponse>", lambda _: body, template, flags=re.S)


def summary_reply(wmi_namespace, summaries):
    """The captured method-output envelope with GetSummaryInformation's output in place of Delete's."""
    template = read("invoke_1.xml")
    uri = PREFIX + wmi_namespace + "/Msvm_VirtualSystemManagementService"
    entries = "".join("<p:SummaryInformation>" + instance_xml(wmi_namespace, "Msvm_SummaryInformation", s) + "</p:SummaryInformation>"
                      for s in summaries)
    body = (f'<p:GetSummaryInformation_OUTPUT xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:p="{uri}" '
            f'xmlns:cim="http://schemas.dmtf.org/wbem/wscim/1/common">{entries}<p:ReturnValue>0</p:ReturnValue></p:GetSummaryInformation_OUTPUT>')
    template = template.replace("root/cimv2/CIM_DataFile/DeleteResponse", f"root/{wmi_namespace.split('root/')[-1]}/Msvm_VirtualSystemManagementService/GetSummaryInformationResponse")
    return re.sub(r"<p:Delete_OUTPUT.*</p:Delete_OUTPUT>", lambda _: body, template, flags=re.S)


def method_reply(wmi_namespace, cls, method, return_value, outputs=""):
    """The captured method-output envelope with another method's output: its out parameters, then ReturnValue."""
    template = read("invoke_1.xml")
    uri = PREFIX + wmi_namespace + "/" + cls
    body = (f'<p:{method}_OUTPUT xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:p="{uri}" '
            f'xmlns:cim="http://schemas.dmtf.org/wbem/wscim/1/common">{outputs}<p:ReturnValue>{return_value}</p:ReturnValue></p:{method}_OUTPUT>')
    template = template.replace("root/cimv2/CIM_DataFile/DeleteResponse", f"{wmi_namespace}/{cls}/{method}Response")
    return re.sub(r"<p:Delete_OUTPUT.*</p:Delete_OUTPUT>", lambda _: body, template, flags=re.S)


def reference_xml(name, wmi_namespace, cls, selectors):
    """A REF out parameter as WinRM writes one: an endpoint reference (DSP0226 section 7), its selectors naming the
    instance, __cimnamespace among them. Assumed from the WS-Management specification, not captured."""
    sel = "".join(f'<w:Selector Name="{escape(k)}">{escape(v)}</w:Selector>' for k, v in selectors)
    return (f'<p:{name} xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd">'
            f'<a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address><a:ReferenceParameters>'
            f'<w:ResourceURI>{PREFIX}{wmi_namespace}/{cls}</w:ResourceURI><w:SelectorSet>{sel}</w:SelectorSet>'
            f'</a:ReferenceParameters></p:{name}>')


def get_reply(wmi_namespace, cls, values):
    """A Transfer GetResponse: the captured envelope's headers with the Get action, the instance alone in the body."""
    template = read("invoke_1.xml")
    template = template.replace("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/CIM_DataFile/DeleteResponse",
                                "http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse")
    return re.sub(r"<p:Delete_OUTPUT.*</p:Delete_OUTPUT>", lambda _: instance_xml(wmi_namespace, cls, values), template, flags=re.S)


def migration(profile, ns, host, vm_name, job_id):
    """Live migration: the service, the call's answers (job started; refused for the VM's state) and the job's states."""
    write(profile, "Msvm_VirtualSystemMigrationService", enumerate_reply(ns, "Msvm_VirtualSystemMigrationService", [dict(
        Caption="Virtual System Migration Service", CreationClassName="Msvm_VirtualSystemMigrationService",
        ElementName="Virtual System Migration Service", EnabledState=2, HealthState=5, Name="vsms",
        SystemCreationClassName="Msvm_ComputerSystem", SystemName=host)]))
    job = reference_xml("Job", ns, "Msvm_ConcreteJob", [("InstanceID", job_id), ("__cimnamespace", ns)])
    write(profile, "MigrateVirtualSystemToHost", method_reply(ns, "Msvm_VirtualSystemMigrationService", "MigrateVirtualSystemToHost", 4096, job))
    write(profile, "MigrateVirtualSystemToHost.invalid-state", method_reply(ns, "Msvm_VirtualSystemMigrationService", "MigrateVirtualSystemToHost", 32775))
    base = dict(Caption="Migration", Cancellable=True, Description="Migrating Virtual Machine", ElementName="Migration", InstanceID=job_id,
                JobType=99, StartTime="2026-11-26T03:10:02.000000Z", TimeSubmitted="2026-11-26T03:10:01.000000Z")
    states = {
        "running": dict(JobState=4, JobStatus="Job is running", PercentComplete=40, ErrorCode=0, ErrorDescription=None, ElapsedTime="P0DT0H0M12S"),
        "completed": dict(JobState=7, JobStatus="Job completed successfully", PercentComplete=100, ErrorCode=0, ErrorDescription=None, ElapsedTime="P0DT0H0M31S"),
        "exception": dict(JobState=10, JobStatus="Job failed", PercentComplete=60, ErrorCode=32768, ElapsedTime="P0DT0H0M18S",
                          ErrorDescription=f"Virtual machine migration operation for '{vm_name}' failed at migration source '{host}'. "
                                           "The virtual machine cannot be moved to the destination computer: the hardware on the "
                                           "destination computer is not compatible with the hardware requirements of this virtual machine."),
    }
    for state, values in states.items():
        write(profile, f"Get.Msvm_ConcreteJob.{state}", get_reply(ns, "Msvm_ConcreteJob", {**base, **values}))


def write(profile, name, text):
    folder = os.path.join(HERE, profile)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name + ".xml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


GIB = 1024 ** 3


def windows_host(profile, name, caption, version, csd, build, cpus, memory, disks, cpu_percent, hypervisor_percent=None):
    ns = "root/cimv2"
    write(profile, "Win32_ComputerSystem", enumerate_reply(ns, "Win32_ComputerSystem", [dict(
        Caption=name, Domain="WORKGROUP", Manufacturer="Dell Inc.", Model="PowerEdge R710", Name=name,
        NumberOfLogicalProcessors=cpus, NumberOfProcessors=2, PartOfDomain=False, Status="OK",
        SystemType="x64-based PC", TotalPhysicalMemory=memory)]))
    write(profile, "Win32_OperatingSystem", enumerate_reply(ns, "Win32_OperatingSystem", [dict(
        BuildNumber=build, Caption=caption, CSDVersion=csd, CSName=name, FreePhysicalMemory=memory // 1024 // 4,
        LastBootUpTime="2013-04-29T11:43:11.203125-07:00", Name=caption + "|C:\\Windows|\\Device\\Harddisk0\\Partition1",
        OSArchitecture="64-bit", TotalVisibleMemorySize=memory // 1024, Version=version)]))
    write(profile, "Win32_LogicalDisk", enumerate_reply(ns, "Win32_LogicalDisk", [dict(
        Caption=d, DeviceID=d, DriveType=3, FileSystem="NTFS", FreeSpace=free, Name=d, Size=size, VolumeName=label)
        for d, label, size, free in disks]))
    write(profile, "Win32_PerfFormattedData_PerfOS_Processor", enumerate_reply(ns, "Win32_PerfFormattedData_PerfOS_Processor", [dict(
        Name="_Total", PercentIdleTime=100 - cpu_percent, PercentProcessorTime=cpu_percent)]))
    write(profile, "Win32_PerfFormattedData_PerfDisk_PhysicalDisk", enumerate_reply(ns, "Win32_PerfFormattedData_PerfDisk_PhysicalDisk", [dict(
        DiskBytesPersec=5242880, DiskReadBytesPersec=3145728, DiskWriteBytesPersec=2097152, Name="_Total")]))
    write(profile, "Win32_PerfFormattedData_Tcpip_NetworkInterface", enumerate_reply(ns, "Win32_PerfFormattedData_Tcpip_NetworkInterface", [
        dict(BytesReceivedPersec=600000, BytesSentPersec=400000, BytesTotalPersec=1000000, Name="Broadcom BCM5709C NetXtreme II GigE [NDIS VBD Client] _1"),
        dict(BytesReceivedPersec=150000, BytesSentPersec=100000, BytesTotalPersec=250000, Name="Broadcom BCM5709C NetXtreme II GigE [NDIS VBD Client] _2")]))
    if hypervisor_percent is not None:
        write(profile, "Win32_PerfFormattedData_HvStats_HyperVHypervisorLogicalProcessor", enumerate_reply(ns, "Win32_PerfFormattedData_HvStats_HyperVHypervisorLogicalProcessor", [dict(
            Name="_Total", PercentGuestRunTime=hypervisor_percent - 3, PercentHypervisorRunTime=3, PercentTotalRunTime=hypervisor_percent)]))


def hyperv_host(profile, ns, host, vms):
    """vms: (guid, name, enabled_state, health, memory_mb, cpus, load, heartbeat, uptime_ms, guest_os)"""
    computers = [dict(Caption="Hosting Computer System", CreationClassName="Msvm_ComputerSystem", Description="Microsoft Hosting Computer System",
                      ElementName=host, EnabledState=2, HealthState=5, Name=host, OnTimeInMilliseconds=None, ProcessID=None)]
    computers += [dict(Caption="Virtual Machine", CreationClassName="Msvm_ComputerSystem", Description="Microsoft Virtual Machine",
                       ElementName=name, EnabledState=state, HealthState=health, Name=guid, OnTimeInMilliseconds=uptime,
                       ProcessID=4000 + i if uptime else None, TimeOfLastConfigurationChange="2015-03-02T09:12:44.000000Z")
                  for i, (guid, name, state, health, mem, cpus, load, hb, uptime, guest) in enumerate(vms)]
    # The VM query selects Caption = 'Virtual Machine'; the host row shows what the filter leaves out.
    write(profile, "Msvm_ComputerSystem", enumerate_reply(ns, "Msvm_ComputerSystem", [c for c in computers if c["Caption"] == "Virtual Machine"]))
    write(profile, "Msvm_MemorySettingData", enumerate_reply(ns, "Msvm_MemorySettingData", [dict(
        Caption="Memory", DynamicMemoryEnabled=False, ElementName="Memory",
        InstanceID=f"Microsoft:{guid}\\4764334d-e001-4176-82ee-5594ec9b530e", Limit=mem, Reservation=mem, VirtualQuantity=mem)
        for guid, name, state, health, mem, cpus, load, hb, uptime, guest in vms]))
    write(profile, "Msvm_VirtualSystemManagementService", enumerate_reply(ns, "Msvm_VirtualSystemManagementService", [dict(
        Caption="Virtual System Management Service", CreationClassName="Msvm_VirtualSystemManagementService",
        ElementName="Virtual System Management Service", EnabledState=2, HealthState=5, Name="vmms",
        SystemCreationClassName="Msvm_ComputerSystem", SystemName=host)]))
    write(profile, "GetSummaryInformation", summary_reply(ns, [dict(
        ElementName=name, EnabledState=state, GuestOperatingSystem=guest, HealthState=health, Heartbeat=hb,
        MemoryAvailable=None, MemoryUsage=(mem * 3 // 4 if uptime else None), Name=guid, NumberOfProcessors=cpus,
        ProcessorLoad=(load if uptime else None), UpTime=uptime)
        for guid, name, state, health, mem, cpus, load, hb, uptime, guest in vms]))


if __name__ == "__main__":
    windows_host("windows-2008r2", "VAGRANT-2008R2", "Microsoft Windows Server 2008 R2 Standard ", "6.1.7601", "Service Pack 1", "7601",
                 cpus=4, memory=8 * GIB - 4 * 1024 * 1024, cpu_percent=23,
                 disks=[("C:", "System", 136 * GIB, 41 * GIB), ("D:", "Data", 500 * GIB, 20 * GIB)])

    # Server 2008 R2 with Hyper-V: root/virtualization, EnabledState 2 running, 3 off, 32769 saved, 32768 paused.
    windows_host("hyperv-2008r2", "HV08-01", "Microsoft Windows Server 2008 R2 Enterprise ", "6.1.7601", "Service Pack 1", "7601",
                 cpus=16, memory=64 * GIB, cpu_percent=4, hypervisor_percent=37,
                 disks=[("C:", "System", 120 * GIB, 60 * GIB), ("E:", "VMs", 2000 * GIB, 700 * GIB)])
    hyperv_host("hyperv-2008r2", "root/virtualization", "HV08-01", [
        ("2D1B0F2E-7C3A-4B7E-9E55-0C8A1F6B2A01", "web-01", 2, 5, 2048, 2, 31, 2, 86400000, "Windows Server 2008 R2 Standard"),
        ("7F3C9A10-1E2D-4C5B-8A6F-2B3C4D5E6F02", "sql-01", 2, 20, 8192, 4, 88, 6, 172800000, "Windows Server 2008 R2 Enterprise"),
        ("A4B5C6D7-E8F9-4A0B-9C1D-2E3F4A5B6C03", "test-01", 3, 5, 1024, 1, 0, 12, 0, None),
        ("B1C2D3E4-F5A6-4B7C-8D9E-0F1A2B3C4D04", "build-01", 32769, 5, 4096, 2, 0, 12, 0, None),
    ])

    # Windows Server 2003 R2 with Virtual Server 2005 R2 SP1.
    windows_host("virtualserver-2005r2", "VS05-01", "Microsoft(R) Windows(R) Server 2003 Enterprise x64 Edition", "5.2.3790", "Service Pack 2", "3790",
                 cpus=4, memory=16 * GIB, cpu_percent=41,
                 disks=[("C:", "System", 68 * GIB, 20 * GIB), ("D:", "VirtualMachines", 600 * GIB, 150 * GIB)])
    write("virtualserver-2005r2", "VirtualMachine", enumerate_reply("root/vm/virtualserver", "VirtualMachine", [
        dict(HeartbeatCount=86400, HeartbeatInterval=60, HeartbeatPercentage=100, HeartbeatRate=10, Name="legacy-web"),
        dict(HeartbeatCount=12000, HeartbeatInterval=60, HeartbeatPercentage=50, HeartbeatRate=10, Name="legacy-erp"),
        dict(HeartbeatCount=0, HeartbeatInterval=60, HeartbeatPercentage=0, HeartbeatRate=10, Name="nt4-app"),
    ]))

    # Server 2016 with Hyper-V: root/virtualization/v2, EnabledState 2 enabled, 3 disabled, 6 enabled but offline, 9 quiesce.
    windows_host("hyperv-2016", "HV16-01", "Microsoft Windows Server 2016 Datacenter", "10.0.14393", None, "14393",
                 cpus=48, memory=256 * GIB, cpu_percent=6, hypervisor_percent=52,
                 disks=[("C:", "", 250 * GIB, 180 * GIB), ("V:", "ClusterStorage", 8000 * GIB, 3500 * GIB)])
    hyperv_host("hyperv-2016", "root/virtualization/v2", "HV16-01", [
        ("5E6F7A8B-9C0D-4E1F-A2B3-C4D5E6F7A801", "app-01", 2, 5, 16384, 8, 45, 2, 3600000, "Windows Server 2016 Standard"),
        ("6F7A8B9C-0D1E-4F2A-B3C4-D5E6F7A8B902", "app-02", 9, 5, 16384, 8, 0, 12, 0, None),
        ("7A8B9C0D-1E2F-4A3B-C4D5-E6F7A8B9C003", "old-01", 3, 25, 2048, 2, 0, 12, 0, None),
        ("8B9C0D1E-2F3A-4B4C-D5E6-F7A8B9C0D104", "saved-01", 6, 5, 4096, 2, 0, 12, 0, None),
    ])
    migration("hyperv-2016", "root/virtualization/v2", "HV16-01", "app-01", "C4A1F0D2-7E3B-4F5A-9B6C-1D2E3F4A5B60")
