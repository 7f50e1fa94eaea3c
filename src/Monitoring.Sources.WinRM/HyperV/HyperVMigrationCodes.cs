namespace Monitoring.Sources.WinRM.HyperV;

/// <summary>The numbers a migration speaks in: <c>MigrateVirtualSystemToHost</c>'s return values and
/// <c>CIM_ConcreteJob.JobState</c> (Microsoft's class documentation for <c>root/virtualization/v2</c>).</summary>
internal static class HyperVMigrationCodes
{
    public const long Completed = 0;
    public const long JobStarted = 4096;

    /// <summary><c>Msvm_VirtualSystemMigrationSettingData.MigrationType</c> VirtualSystem: live migration of the running VM.</summary>
    public const int LiveMigration = 32768;

    public const long JobCompleted = 7;
    public const long JobTerminated = 8;
    public const long JobKilled = 9;
    public const long JobException = 10;

    /// <summary>What a return value means, as the method's documentation names it.</summary>
    public static string Meaning(long code) => code switch
    {
        0 => "Completed with No Error",
        1 or 32770 => "Not Supported",
        2 or 32768 => "Failed",
        3 or 32772 => "Timeout",
        4 or 32773 => "Invalid Parameter",
        5 or 32775 => "Invalid State for this operation",
        6 => "Incompatible Parameters",
        4096 => "Method Parameters Checked - Job Started",
        32769 => "Access Denied",
        32771 => "Status is unknown",
        32774 => "System is in use",
        32776 => "Incorrect data type",
        32777 => "System is not available",
        32778 => "Out of memory",
        _ => "an undocumented code",
    };

    /// <summary>A job state's name, for progress notes.</summary>
    public static string JobStateName(long? state) => state switch
    {
        2 => "New",
        3 => "Starting",
        4 => "Running",
        5 => "Suspended",
        6 => "Shutting Down",
        7 => "Completed",
        8 => "Terminated",
        9 => "Killed",
        10 => "Exception",
        11 => "Service",
        12 => "Query Pending",
        null => "unknown",
        _ => "state " + state,
    };
}
