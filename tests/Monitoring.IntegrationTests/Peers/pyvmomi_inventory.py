#!/usr/bin/python3
"""Independent vSphere client: dump what a vCenter/ESX (e.g. vcsim) holds as JSON.

Uses pyVmomi (Debian package python3-pyvmomi; run with /usr/bin/python3, since
another python3 on PATH may lack it) so the integration tests can cross-check
the product's collector against a second, unrelated SOAP client.

  pyvmomi_inventory.py --url https://127.0.0.1:PORT/sdk --user U --password P \
      --thumbprint AB:CD:... --target NAME

stdout: one JSON document {"hosts","vms","clusters","datastores","datacenters"},
each list sorted by id, ids are "<target>/<managed object id>".
Errors go to stderr with exit code 1.
"""
import argparse
import hashlib
import json
import socket
import ssl
import sys
from urllib.parse import urlsplit

from pyVim.connect import SmartConnect, Disconnect
from pyVmomi import vim, vmodl


def parse_args(extra=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--url", required=True, help="https://HOST:PORT/sdk")
    p.add_argument("--user", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--thumbprint", required=True,
                   help="SHA-256 of the server certificate, AB:CD:.. (case and colons ignored)")
    p.add_argument("--target", default="vcsim", help="prefix for ids")
    if extra:
        extra(p)
    return p.parse_args()


def norm_thumbprint(t):
    return t.replace(":", "").replace(" ", "").upper()


def connect(args):
    """Pin the server certificate by SHA-256, then log in with pyVmomi.

    pyVmomi 6.7 only knows SHA-1 thumbprints, so we check the pin ourselves on a
    separate TLS socket *before* sending credentials, and give SmartConnect an
    unverified context (the simulator's cert is self-signed).
    """
    u = urlsplit(args.url)
    # https only: pyVmomi 6.7 forces an SSL context onto plain-http connections to
    # localhost (localSslFixup) and then fails with "unexpected keyword argument 'context'".
    if u.scheme != "https" or not u.hostname:
        raise SystemExit("--url must look like https://HOST:PORT/sdk")
    port = u.port or 443
    ctx = ssl._create_unverified_context()
    with socket.create_connection((u.hostname, port), timeout=10) as raw:
        with ctx.wrap_socket(raw, server_hostname=u.hostname) as tls:
            der = tls.getpeercert(binary_form=True)
    actual = hashlib.sha256(der).hexdigest().upper()
    if actual != norm_thumbprint(args.thumbprint):
        raise SystemExit("certificate thumbprint mismatch: server has %s"
                         % ":".join(actual[i:i + 2] for i in range(0, len(actual), 2)))
    return SmartConnect(host=u.hostname, port=port, path=u.path or "/sdk",
                        user=args.user, pwd=args.password, sslContext=ctx)


def run(main):
    """Run main() and turn any failure into a one-line stderr message + exit 1."""
    try:
        main()
    except SystemExit as e:
        if e.code not in (None, 0):
            if not isinstance(e.code, int):
                print(e.code, file=sys.stderr)
            sys.exit(1)
    except vmodl.MethodFault as e:
        # e.g. "vim.fault.InvalidLogin: Login failure"
        print("%s: %s" % (getattr(e, "_wsdlName", type(e).__name__), getattr(e, "msg", "") or e),
              file=sys.stderr)
        sys.exit(1)
    except Exception as e:  # connection refused, TLS errors, ...
        print("%s: %s" % (type(e).__name__, e), file=sys.stderr)
        sys.exit(1)


# Properties fetched per type in one PropertyCollector round trip.
PROPS = {
    vim.Datacenter: ["name"],
    vim.ClusterComputeResource: ["name"],
    vim.Datastore: ["name", "summary.capacity", "summary.freeSpace"],
    vim.HostSystem: ["name", "parent", "summary.hardware.numCpuThreads",
                     "summary.hardware.memorySize", "overallStatus", "runtime.inMaintenanceMode"],
    vim.VirtualMachine: ["name", "runtime.host", "runtime.powerState", "config.hardware.numCPU",
                         "summary.config.numCpu", "summary.config.memorySizeMB", "overallStatus"],
}


def fetch(si):
    """Return {moref: (obj, {prop: value})} for every object of the PROPS types."""
    content = si.RetrieveContent()
    view = content.viewManager.CreateContainerView(content.rootFolder, list(PROPS), True)
    try:
        spec = vmodl.query.PropertyCollector.FilterSpec(
            objectSet=[vmodl.query.PropertyCollector.ObjectSpec(
                obj=view, skip=True,
                selectSet=[vmodl.query.PropertyCollector.TraversalSpec(
                    name="view", path="view", skip=False, type=vim.view.ContainerView)])],
            propSet=[vmodl.query.PropertyCollector.PropertySpec(type=t, pathSet=p)
                     for t, p in PROPS.items()])
        out = {}
        # RetrievePropertiesEx pages results; follow the token until done.
        opts = vmodl.query.PropertyCollector.RetrieveOptions()
        res = content.propertyCollector.RetrievePropertiesEx([spec], opts)
        while res:
            for oc in res.objects:
                out[oc.obj._moId] = (oc.obj, {p.name: p.val for p in (oc.propSet or [])})
            if not res.token:
                break
            res = content.propertyCollector.ContinueRetrievePropertiesEx(res.token)
        return out
    finally:
        view.Destroy()


def inventory(si, target):
    objs = fetch(si)
    oid = lambda mo: "%s/%s" % (target, mo._moId)
    name_of = lambda mo: objs[mo._moId][1].get("name") if mo is not None and mo._moId in objs else None
    res = {"hosts": [], "vms": [], "clusters": [], "datastores": [], "datacenters": []}
    for obj, p in objs.values():
        if isinstance(obj, vim.Datacenter):
            res["datacenters"].append({"id": oid(obj), "name": p["name"]})
        elif isinstance(obj, vim.ClusterComputeResource):
            res["clusters"].append({"id": oid(obj), "name": p["name"]})
        elif isinstance(obj, vim.Datastore):
            res["datastores"].append({"id": oid(obj), "name": p["name"],
                                      "capacityBytes": int(p.get("summary.capacity") or 0),
                                      "freeBytes": int(p.get("summary.freeSpace") or 0)})
        elif isinstance(obj, vim.HostSystem):
            parent = p.get("parent")
            # Standalone hosts sit in a plain ComputeResource, not a cluster.
            cluster = name_of(parent) if isinstance(parent, vim.ClusterComputeResource) else None
            res["hosts"].append({"id": oid(obj), "name": p["name"], "cluster": cluster,
                                 "cpuCount": int(p.get("summary.hardware.numCpuThreads") or 0),
                                 "memoryBytes": int(p.get("summary.hardware.memorySize") or 0),
                                 "overallStatus": str(p.get("overallStatus")),
                                 "inMaintenanceMode": bool(p.get("runtime.inMaintenanceMode"))})
        elif isinstance(obj, vim.VirtualMachine):
            host = p.get("runtime.host")
            cpu = p.get("config.hardware.numCPU")
            if cpu is None:  # config is unset for e.g. inaccessible VMs
                cpu = p.get("summary.config.numCpu") or 0
            res["vms"].append({"id": oid(obj), "name": p["name"],
                               "hostId": oid(host) if host is not None else None,
                               "host": name_of(host),
                               "powerState": str(p.get("runtime.powerState")),
                               "cpuCount": int(cpu),
                               "memoryBytes": int(p.get("summary.config.memorySizeMB") or 0) * 1024 * 1024,
                               "overallStatus": str(p.get("overallStatus"))})
    for items in res.values():
        items.sort(key=lambda x: x["id"])
    return res


def main():
    args = parse_args()
    si = connect(args)
    try:
        doc = inventory(si, args.target)
    finally:
        Disconnect(si)
    json.dump(doc, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    run(main)
