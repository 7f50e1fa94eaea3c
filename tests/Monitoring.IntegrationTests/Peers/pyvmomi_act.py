#!/usr/bin/python3
"""Independent vSphere client: change a VM's state, so tests can check the product sees it.

  pyvmomi_act.py --url ... --user U --password P --thumbprint AB:CD:.. ACTION VMNAME [HOSTNAME]

ACTION: power-on | power-off | suspend | destroy | relocate (needs HOSTNAME).
Waits for the vSphere task; exit 0 on success, 1 with a message on stderr otherwise.
Shares connection/pinning code with pyvmomi_inventory.py (same folder, keep them together).
"""
import sys
import time

from pyVim.connect import Disconnect
from pyVmomi import vim

sys.dont_write_bytecode = True  # importing our sibling must not leave __pycache__ in the repo/output dir
from pyvmomi_inventory import connect, fetch, parse_args, run  # noqa: E402

ACTIONS = ("power-on", "power-off", "suspend", "relocate", "destroy")


def add_args(p):
    p.add_argument("action", choices=ACTIONS)
    p.add_argument("vm", metavar="VMNAME")
    p.add_argument("host", metavar="HOSTNAME", nargs="?")


def find_one(si, kind, name):
    """Exactly one inventory object of this type with this name (vSphere names need not be unique).

    Uses the PropertyCollector (fetch) rather than reading view.view[i].name: vcsim 0.24 can
    leave deleted VMs in a ContainerView (see tools/vcsim/README.md), and reading a property
    of those raises ManagedObjectNotFound, while the PropertyCollector just skips them.
    """
    found = [obj for obj, p in fetch(si).values() if isinstance(obj, kind) and p.get("name") == name]
    if len(found) != 1:
        raise SystemExit("%d %s named %r" % (len(found), kind.__name__.split(".")[-1], name))
    return found[0]


def wait(task, timeout=120):
    """Poll instead of WaitForUpdates: simpler, and enough for a test peer."""
    deadline = time.monotonic() + timeout
    while task.info.state in (vim.TaskInfo.State.queued, vim.TaskInfo.State.running):
        if time.monotonic() > deadline:
            raise SystemExit("timed out waiting for task %s" % task._moId)
        time.sleep(0.1)
    if task.info.state != vim.TaskInfo.State.success:
        raise task.info.error  # a vmodl.MethodFault; run() prints it


def act(si, args):
    vm = find_one(si, vim.VirtualMachine, args.vm)
    if args.action == "power-on":
        wait(vm.PowerOnVM_Task())
    elif args.action == "power-off":
        wait(vm.PowerOffVM_Task())
    elif args.action == "suspend":
        wait(vm.SuspendVM_Task())
    elif args.action == "relocate":
        host = find_one(si, vim.HostSystem, args.host)
        # The target pool must belong to the host's (cluster) compute resource.
        spec = vim.vm.RelocateSpec(host=host, pool=host.parent.resourcePool)
        wait(vm.RelocateVM_Task(spec))
    elif args.action == "destroy":
        # vSphere refuses to destroy a powered-on VM (InvalidPowerState).
        if vm.runtime.powerState == vim.VirtualMachinePowerState.poweredOn:
            wait(vm.PowerOffVM_Task())
        wait(vm.Destroy_Task())


def main():
    args = parse_args(add_args)
    if (args.action == "relocate") != bool(args.host):
        raise SystemExit("HOSTNAME is required by relocate and only by relocate")
    si = connect(args)
    try:
        act(si, args)
    finally:
        Disconnect(si)


if __name__ == "__main__":
    run(main)
