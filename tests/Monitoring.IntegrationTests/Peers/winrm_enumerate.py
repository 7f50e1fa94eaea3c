#!/usr/bin/env python3
"""An independent WS-Management client for the tests: Debian's python3-winrm (pywinrm) sends one
Enumerate of a WMI class to a WinRM endpoint over HTTP with NTLM and message encryption, and prints the
first instance's properties as JSON.

usage: winrm_enumerate.py URL DOMAIN\\USER PASSWORD CLASS
"""
import json
import sys
import uuid
import xml.etree.ElementTree as ET

from winrm.protocol import Protocol

url, user, password, cls = sys.argv[1:5]
envelope = f"""<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:n="http://schemas.xmlsoap.org/ws/2004/09/enumeration" xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd">
<s:Header><a:To>{url}</a:To>
<w:ResourceURI s:mustUnderstand="true">http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/*</w:ResourceURI>
<a:ReplyTo><a:Address s:mustUnderstand="true">http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>
<a:Action s:mustUnderstand="true">http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate</a:Action>
<w:MaxEnvelopeSize s:mustUnderstand="true">153600</w:MaxEnvelopeSize><a:MessageID>uuid:{uuid.uuid4()}</a:MessageID>
<w:OperationTimeout>PT20S</w:OperationTimeout></s:Header>
<s:Body><n:Enumerate><w:OptimizeEnumeration/><w:MaxElements>32</w:MaxElements>
<w:Filter Dialect="http://schemas.microsoft.com/wbem/wsman/1/WQL">SELECT * FROM {cls}</w:Filter></n:Enumerate></s:Body></s:Envelope>"""

protocol = Protocol(url, transport="ntlm", username=user, password=password, message_encryption="always")
reply = protocol.transport.send_message(envelope)
root = ET.fromstring(reply)
instance = next(e for e in root.iter() if e.tag.endswith("}" + cls))
print(json.dumps({child.tag.split("}")[1]: child.text for child in instance}))
