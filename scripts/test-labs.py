#!/usr/bin/env python3
"""Shell-level tests of the training-lab layer, driving the built shell from outside:

* every lab in labs/ solved from a fresh SMBCONFIG_HOME (all tasks pass), and a typical wrong
  solution graded as failing with that task's hint;
* transcripts in Windows PowerShell 5.1's file format;
* the HKLM: registry view, its errors, and Group Policy precedence over the local setting;
* a capture decoded by tshark (NBDS + SMB MailSlot + BROWSER fields);
* task checks run sandboxed: a check that tries to change the computer fails with an error.

Prints one line per check and "N passed, N failed" last; exits 1 on any failure.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
results = []


def check(name, condition, detail=""):
    results.append(bool(condition))
    print(("PASS " if condition else "FAIL ") + name + ("" if condition or not detail else "\n     " + detail.replace("\n", "\n     ")))


def shell(binary, commands, home, cwd=None, profile=None, computer="LABPC", timeout=60):
    env = dict(os.environ)
    env.update({"SMBCONFIG_HOME": home, "COMPUTERNAME": computer, "SMBCONFIG_DATAGRAM_ENDPOINT": "127.0.0.1:0",
                "COLUMNS": "200", "NO_COLOR": "1"})
    env.pop("SMBCONFIG_LMHOSTS", None)
    if profile:
        env["SMBCONFIG_OS_PROFILE"] = profile
    else:
        env.pop("SMBCONFIG_OS_PROFILE", None)
    run = subprocess.run([binary, "-NoLogo", "-NoProfile"], input="\n".join(commands) + "\n", text=True,
                         capture_output=True, cwd=cwd or home, env=env, timeout=timeout)
    return run.stdout + run.stderr


GRADE = "Test-Lab | ForEach-Object { 'TASK ' + $_.Id + ' ' + $_.Passed + ' ' + $_.Hint }"


def grades(output):
    """{task id: (passed, hint)} from the GRADE lines."""
    table = {}
    for line in output.splitlines():
        if line.startswith("TASK "):
            parts = line.split(" ", 3)
            table[int(parts[1])] = (parts[2] == "True", parts[3] if len(parts) > 3 else "")
    return table


def lab_hint(lab, task):
    """The Hint text of a task, read from the lab file (single-quoted, '' escapes)."""
    text = open(os.path.join(ROOT, "labs", lab, "lab.psd1"), encoding="utf-8").read()
    hints = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("Hint"):
            value = stripped.split("=", 1)[1].strip()
            hints.append(value[1:-1].replace("''", "'"))
    return hints[task - 1]


LABS = {
    "01-legacy-app": {
        "profile": None,
        "solve": [
            "$ErrorCode = (Get-LabEvent -Source OrderClient -Newest 1).ErrorCode",
            "Set-SmbClientConfiguration -EnableMailslots $true -Force",
            "Invoke-LegacyMailslotApp OrderClient | Out-Null",
            "Set-SmbClientConfiguration -EnableMailslots $false -Force",
        ],
        "wrong": [
            "$ErrorCode = 3025",
            "Set-SmbServerConfiguration -EnableMailslots $true -Force",
            "Invoke-LegacyMailslotApp OrderClient | Out-Null",
        ],
        "wrong_task": 2,
    },
    "02-inbound-outbound": {
        "profile": "WindowsServer2025",
        "solve": [
            "Start-Sleep -Milliseconds 900",
            "$s = Get-MailslotStatistics",
            "if ($s.DroppedByPolicy -gt 0) { $Counter = 'DroppedByPolicy' }",
            "Set-SmbServerConfiguration -EnableMailslots $true -Force",
            "Start-Sleep -Milliseconds 900",
            "$m = Receive-MailslotMessage -Name browse -Timeout 3000 -Encoding Ascii",
            "if ($m -like '*WKS-OLD*') { $Announcer = 'WKS-OLD' } elseif ($m -like '*PRN-SRV*') { $Announcer = 'PRN-SRV' }",
        ],
        "wrong": [
            "$Counter = 'DroppedByPolicy'",
            "Set-SmbClientConfiguration -EnableMailslots $true -Force",
            "Start-Sleep -Milliseconds 900",
        ],
        "wrong_task": 2,
    },
    "04-computer-browser": {
        "profile": None,
        "solve": [
            "Set-SmbServerConfiguration -EnableMailslots $true -Force",
            "Start-Sleep -Milliseconds 900",
            "$s = Get-MailslotStatistics",
            "if ($s.DroppedNotForThisHost -gt 0 -and $s.DatagramsDelivered -eq 0) { $Counter = 'DroppedNotForThisHost' }",
            "Start-MailslotCapture -Path b.pcap",
            "Start-Sleep -Milliseconds 900",
            "Stop-MailslotCapture | Out-Null",
            "$Name = (Read-MailslotCapture b.pcap | Where-Object Valid | Select-Object -First 1).DestinationName",
            "$Holds = [bool]((nbtstat -n) -match '<1D>')",
        ],
        "wrong": [
            "$Counter = 'DroppedByPolicy'",
            "Set-SmbServerConfiguration -EnableMailslots $true -Force",
        ],
        "wrong_task": 1,
    },
    "03-audit": {
        "profile": None,
        "solve": [
            "Start-MailslotCapture -Path audit.pcap",
            "Start-Sleep -Milliseconds 1500",
            "Stop-MailslotCapture | Out-Null",
            "$Senders = Read-MailslotCapture audit.pcap | Where-Object { $_.SourceName -notlike 'LABPC*' } | ForEach-Object { $_.SourceName.Split('<')[0] } | Sort-Object -Unique",
            "$LocalApp = (Get-LabEvent | Where-Object { $_.Computer -eq 'LABPC' } | Select-Object -First 1).Source",
            r"Set-ItemProperty HKLM:\SOFTWARE\Policies\Microsoft\Windows\NetworkProvider -Name EnableMailslots -Value 0",
            r"Set-ItemProperty HKLM:\SOFTWARE\Policies\Microsoft\Windows\Bowser -Name EnableMailslots -Value 0",
        ],
        "wrong": [
            "Set-SmbClientConfiguration -EnableMailslots $false -Force",
            "Set-SmbServerConfiguration -EnableMailslots $false -Force",
        ],
        "wrong_task": 4,
    },
    "05-file-server": {
        "profile": "WindowsServer2025",
        "solve": [
            r"New-Item -ItemType Directory C:\Orders | Out-Null",
            r"New-SmbShare -Name Orders -Path C:\Orders -Description 'Order drop' | Out-Null",
            "Grant-SmbShareAccess -Name Orders -AccountName Users -AccessRight Change -Force | Out-Null",
            "Revoke-SmbShareAccess -Name Orders -AccountName Everyone -Force | Out-Null",
            "$Source = (Get-SmbConfigurationSource -Side Server -Name EnableMailslots).Source",
            r"Set-ItemProperty HKLM:\SOFTWARE\Policies\Microsoft\Windows\Bowser -Name EnableMailslots -Value 1",
        ],
        "wrong": [
            r"New-Item -ItemType Directory C:\Orders | Out-Null",
            r"New-SmbShare -Name Orders -Path C:\Orders | Out-Null",
            "Grant-SmbShareAccess -Name Orders -AccountName Users -AccessRight Change -Force | Out-Null",
            "Revoke-SmbShareAccess -Name Orders -AccountName Everyone -Force | Out-Null",
            "$Source = 'GroupPolicy'",
            "Set-SmbServerConfiguration -EnableMailslots $true -Force",
        ],
        "wrong_task": 4,
    },
    "06-registry-policy": {
        "profile": None,
        "solve": [
            r"reg add HKLM\SYSTEM\CurrentControlSet\Services\Mup\Parameters /v EnableMailslots /t REG_DWORD /d 1 /f | Out-Null",
            "$Winner = (Get-SmbConfigurationSource -Name EnableMailslots -Side Client).Source.ToString()",
            "$Effective = (Get-SmbClientConfiguration).EnableMailslots",
            r"Remove-ItemProperty HKLM:\SOFTWARE\Policies\Microsoft\Windows\NetworkProvider -Name EnableMailslots",
        ],
        "wrong": [
            r"reg add HKLM\SYSTEM\CurrentControlSet\Services\LanmanWorkstation\Parameters /v EnableMailslots /t REG_DWORD /d 1 /f | Out-Null",
        ],
        "wrong_task": 1,
    },
}


def test_labs(binary):
    for lab, spec in LABS.items():
        path = os.path.join(ROOT, "labs", lab, "lab.psd1")
        with tempfile.TemporaryDirectory() as home:
            before = shell(binary, [f"Start-Lab '{path}' | Out-Null", GRADE], home, profile=spec["profile"])
            first = grades(before)
            check(f"lab {lab}: starts with every task failing", first and not any(p for p, _ in first.values()), before)
        with tempfile.TemporaryDirectory() as home:
            out = shell(binary, [f"Start-Lab '{path}' | Out-Null"] + spec["solve"] + [GRADE, "Reset-Lab"], home,
                        profile=spec["profile"])
            table = grades(out)
            check(f"lab {lab}: the model solution passes every task",
                  table and all(p for p, _ in table.values()), out)
            check(f"lab {lab}: Reset-Lab restores lmhosts", not os.path.exists(os.path.join(home, "lmhosts")),
                  "lmhosts still present")
        with tempfile.TemporaryDirectory() as home:
            out = shell(binary, [f"Start-Lab '{path}' | Out-Null"] + spec["wrong"] + [GRADE], home, profile=spec["profile"])
            table = grades(out)
            task = spec["wrong_task"]
            passed, hint = table.get(task, (True, ""))
            check(f"lab {lab}: a wrong solution fails task {task} with its hint",
                  not passed and hint == lab_hint(lab, task), out)
    with tempfile.TemporaryDirectory() as home:
        out = shell(binary, [f"Start-Lab '{os.path.join(ROOT, 'labs', '01-legacy-app', 'lab.psd1')}' | Out-Null",
                             "'HOSTS=' + @(Get-LabHost).Count"], home)
        check("leaving the shell during a lab takes its lmhosts entries away",
              "HOSTS=1" in out and not os.path.exists(os.path.join(home, "lmhosts")), out)
    with tempfile.TemporaryDirectory() as home:
        out = shell(binary, [f"Start-Lab '{os.path.join(ROOT, 'labs', '02-inbound-outbound', 'lab.psd1')}'"], home)
        check("a lab of another OS profile is refused with the variable to set",
              "SMBCONFIG_OS_PROFILE=WindowsServer2025" in out, out)
        bad = os.path.join(home, "bad.psd1")
        with open(bad, "w") as f:
            f.write("@{ Title = 'x'; OSProfile = 'Windows11-24H2'; Tasks = @(@{ Title = 't'; Check = { $true } }); Evil = (Remove-Item x) }\n")
        out = shell(binary, [f"Start-Lab '{bad}'"], home)
        check("a lab file with code outside checks is refused, not run", "is not allowed" in out and "line 1" in out, out)


SANDBOX_LAB = r"""@{
    Title = 'Sandbox'; Description = 'Checks that try to change the computer.'; OSProfile = 'Windows11-24H2'
    Tasks = @(
        @{ Title = 'reads'; Hint = 'h1'; Check = { (Get-SmbClientConfiguration).EnableMailslots -is [bool] -and (Test-Path .) } }
        @{ Title = 'policy'; Hint = 'h2'; Check = { Set-SmbClientConfiguration -EnableMailslots $true -Force; $true } }
        @{ Title = 'registry'; Hint = 'h3'; Check = { Set-ItemProperty HKLM:\SOFTWARE\Policies\Microsoft\Windows\Bowser -Name EnableMailslots -Value 1; $true } }
        @{ Title = 'redirect'; Hint = 'h4'; Check = { 'x' > sandbox1.txt; $true } }
        @{ Title = 'dotnet'; Hint = 'h5'; Check = { try { [IO.File]::WriteAllText('sandbox2.txt', 'x') } catch { }; $true } }
        @{ Title = 'transcript'; Hint = 'h6'; Check = { Start-Transcript -Path sandbox3.txt | Out-Null; $true } }
        @{ Title = 'capture'; Hint = 'h7'; Check = { Start-MailslotCapture -Path sandbox4.pcap; $true } }
        @{ Title = 'function'; Hint = 'h8'; Check = { function global:Get-Sneaky { 1 }; $true } }
    )
}
"""


def test_check_sandbox(binary):
    with tempfile.TemporaryDirectory() as home:
        path = os.path.join(home, "sandbox.psd1")
        with open(path, "w") as f:
            f.write(SANDBOX_LAB)
        out = shell(binary, [
            f"Start-Lab '{path}' | Out-Null",
            "'BEFORE=' + (Get-SmbClientConfiguration).EnableMailslots",
            GRADE,
            "'AFTER=' + (Get-SmbClientConfiguration).EnableMailslots",
            "'GP=' + (@(Get-SmbConfigurationSource -Name EnableMailslots | Where-Object Source -eq 'GroupPolicy').Count)",
            "'FN=' + [bool](Get-Command Get-Sneaky -ErrorAction SilentlyContinue)",
            "'TR=' + [bool](Get-Transcript)",
        ], home)
        table = grades(out)
        check("lab sandbox: a check that only reads passes", table.get(1, (False, ""))[0], out)
        check("lab sandbox: every check that tries a change fails",
              len(table) == 8 and not any(table[t][0] for t in range(2, 9)), out)
        before = [l for l in out.splitlines() if l.startswith("BEFORE=")]
        after = [l for l in out.splitlines() if l.startswith("AFTER=")]
        check("lab sandbox: the policy is unchanged (cmdlet and registry)",
              before and after and before[0][7:] == after[0][6:] and "GP=0" in out, out)
        written = [name for _, _, files in os.walk(home) for name in files if name.startswith("sandbox") and name != "sandbox.psd1"]
        check("lab sandbox: no file written (redirection, .NET, transcript, capture)", not written, str(written) + "\n" + out)
        check("lab sandbox: no global function defined, no transcript running", "FN=False" in out and "TR=False" in out, out)
        for command in ("Set-SmbClientConfiguration", "Set-ItemProperty", "Start-Transcript", "Start-MailslotCapture"):
            check(f"lab sandbox: {command} is refused with its error",
                  f"{command} : The command '{command}' cannot run in a lab task's Check script block: "
                  "a check can read the computer's state but not change it." in out, out)
        check("lab sandbox: file writes are refused as Windows refuses them",
              out.count("Access to the path") >= 2 and "sandbox1.txt' is denied." in out, out)
        check("lab sandbox: the global function is refused",
              "The function 'global:Get-Sneaky' cannot be defined in a lab task's Check script block" in out, out)


def test_transcript(binary):
    with tempfile.TemporaryDirectory() as home:
        out = shell(binary, [
            "Start-Transcript -Path t.txt",
            "[bool](Get-Transcript)",
            "'hello transcript'",
            "Set-SmbClientConfiguration -EnableMailslots $true",
            "N",
            "Get-Item HKLM:\\SYSTEM\\Nope",
            "Stop-Transcript",
            "[bool](Get-Transcript)",
            "Start-Transcript -Path t.txt -Append | Out-Null",
            "Stop-Transcript | Out-Null",
        ], home)
        path = os.path.join(home, "t.txt")
        data = open(path, "rb").read() if os.path.exists(path) else b""
        check("transcript: started and stopped messages", f"Transcript started, output file is {path}" in out
              and f"Transcript stopped, output file is {path}" in out, out)
        plain = out.replace("\r", "").split("\n")
        check("transcript: Get-Transcript says whether one runs",
              "True" in plain and "False" in plain and plain.index("True") < plain.index("False"), out)
        check("transcript: UTF-8 with BOM and CRLF line ends", data.startswith(b"\xef\xbb\xbf")
              and b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b""), repr(data[:80]))
        text = data.decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
        lines = text.split("\n")
        expected_prefixes = ["**********************", "Windows PowerShell transcript start", "Start time: ",
                             "Username: ", "RunAs User: ", "Configuration Name: ", "Machine: LABPC (Microsoft Windows NT 10.0.",
                             "Host Application: ", "Process ID: ", "PSVersion: 5.1.", "PSEdition: Desktop"]
        check("transcript: the 5.1 header lines in order",
              all(lines[i].startswith(p) for i, p in enumerate(expected_prefixes)), "\n".join(lines[:12]))
        check("transcript: start time is yyyyMMddHHmmss", len(lines[2]) == len("Start time: ") + 14
              and lines[2][12:].isdigit(), lines[2])
        check("transcript: commands after their prompt, with output",
              "PS C:\\> 'hello transcript'\nhello transcript\n" in text, text)
        check("transcript: the confirmation prompt and the answer typed",
              "Performing operation 'Modify' on Target 'SMB Client Configuration'.\n[Y] Yes  [A] Yes to All  [N] No"
              in text and '(default is "Y"): N\n' in text, text)
        check("transcript: errors as the console shows them",
              "Cannot find path 'HKLM:\\SYSTEM\\Nope' because it does not exist." in text, text)
        check("transcript: footer after Stop-Transcript",
              "PS C:\\> Stop-Transcript\n**********************\nWindows PowerShell transcript end\nEnd time: " in text, text)
        check("transcript: -Append adds a second session to the same file",
              text.count("Windows PowerShell transcript start") == 2 and text.count("Windows PowerShell transcript end") == 2
              and data.count(b"\xef\xbb\xbf") == 1, text)
        out = shell(binary, ["Stop-Transcript"], home)
        check("transcript: Stop-Transcript without one is 5.1's error",
              "An error occurred stopping transcription: The host is not currently transcribing." in out
              and "InvalidOperation,Microsoft.PowerShell.Commands.StopTranscriptCommand" in out, out)


def test_registry(binary):
    with tempfile.TemporaryDirectory() as home:
        mup = r"HKLM:\SYSTEM\CurrentControlSet\Services\Mup\Parameters"
        np = r"HKLM:\SOFTWARE\Policies\Microsoft\Windows\NetworkProvider"
        out = shell(binary, [
            f"Test-Path '{mup}'",
            r"Test-Path HKLM:\SYSTEM\CurrentControlSet\Services\Nope",
            r"(Get-ChildItem HKLM:\SYSTEM\CurrentControlSet\Services -Name) -join ','",
            "Set-SmbClientConfiguration -EnableMailslots $true -Force",
            f"'MUP=' + (Get-ItemProperty '{mup}').EnableMailslots",
            "Set-SmbClientConfiguration -EnableMailslots $false -Force",
            f"Set-ItemProperty '{np}' -Name EnableMailslots -Value 1",
            r"New-ItemProperty HKLM:\SOFTWARE\Policies\Microsoft\Windows\Bowser -Name EnableMailslots -Value 1 -PropertyType DWord | Out-Null",
            "'EFFECTIVE=' + (Get-SmbClientConfiguration).EnableMailslots",
            "'SOURCE=' + (Get-SmbConfigurationSource -Name EnableMailslots -Side Client).Source",
            "New-Mailslot gp | Out-Null",
            r"Send-MailslotMessage -Path \\LABPC\mailslot\gp -Message viaGP",
            "'RECEIVED=' + (Receive-MailslotMessage -Name gp -Timeout 2000)",
            f"Set-ItemProperty '{np}' -Name EnableMailslots -Value 0",
            "Set-SmbClientConfiguration -EnableMailslots $true -Force",
            "'GPOFF=' + (Get-SmbClientConfiguration).EnableMailslots",
            f"Remove-ItemProperty '{np}' -Name EnableMailslots",
            "'LOCAL=' + (Get-SmbClientConfiguration).EnableMailslots + ' ' + (Get-SmbConfigurationSource -Name EnableMailslots -Side Client).Source",
            f"Set-ItemProperty '{mup}' -Name EnableMailslots -Value 0",
            "'AFTERWRITE=' + (Get-SmbClientConfiguration).EnableMailslots",
            r"Get-Item HKLM:\SOFTWARE\Contoso",
            r"Get-Item HKCR:\.txt",
            f"Get-ItemProperty '{np}' -Name Missing",
        ], home)
        lines = out.replace("\r", "").split("\n")
        check("registry: Test-Path on a modelled key and a missing one", lines[0] == "True" and lines[1] == "False", out)
        check("registry: Get-ChildItem lists the service keys derived from the schema",
              "Bowser,LanmanServer,LanmanWorkstation,lmhosts,MRxSmb,MRxSmb20,Mup" in out, out)
        check("registry: a local setting appears as its registry value", "MUP=1" in out, out)
        check("precedence: Group Policy 1 wins over the local False", "EFFECTIVE=True" in out and "SOURCE=GroupPolicy" in out, out)
        check("precedence: the transport obeys Group Policy on both sides (remote write works)", "RECEIVED=viaGP" in out, out)
        check("precedence: Group Policy 0 wins over the local True", "GPOFF=False" in out, out)
        check("precedence: removing the policy value gives the decision back to the local setting",
              "LOCAL=True Local" in out, out)
        check("registry: writing the Mup value is the client setting, as an administrator's write is on Windows",
              "AFTERWRITE=False" in out and "Requested registry access is not allowed." not in out, out)
        check("registry: a missing key is ItemNotFoundException",
              "Get-Item : Cannot find path 'HKLM:\\SOFTWARE\\Contoso' because it does not exist." in out
              and "PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand" in out, out)
        check("registry: another drive is DriveNotFound",
              "Cannot find drive. A drive with the name 'HKCR' does not exist." in out, out)
        check("registry: a missing value is 5.1's PSArgumentException",
              "Property Missing does not exist at path HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\NetworkProvider." in out.replace("\n", "")
              or "Property Missing does not exist at path" in out, out)


def ensure_tshark():
    if shutil.which("tshark"):
        return True
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "install", "-y", "tshark"], env=env, capture_output=True)
    if not shutil.which("tshark"):
        subprocess.run(["apt-get", "update"], env=env, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "tshark"], env=env, capture_output=True)
    return shutil.which("tshark") is not None


def test_capture(binary):
    check("capture: tshark is installed (Debian package tshark)", ensure_tshark())
    with tempfile.TemporaryDirectory() as home:
        out = shell(binary, [
            "Set-SmbClientConfiguration -EnableMailslots $true -Force",
            "Set-SmbServerConfiguration -EnableMailslots $true -Force",
            "New-Mailslot cap | Out-Null",
            "Start-MailslotCapture -Path cap.pcap",
            r"Send-MailslotMessage -Path \\LABPC\mailslot\cap -Message 'hello capture'",
            "Start-LegacyMailslotApp -Kind BrowserAnnouncer -Message 'lab pc' -IntervalMilliseconds 60000 | Out-Null",
            "Set-SmbClientConfiguration -EnableMailslots $false -Force",
            r"Send-MailslotMessage -Path \\LABPC\mailslot\cap -Message 'blocked' -ErrorAction SilentlyContinue",
            "$c = Stop-MailslotCapture",
            "'DATAGRAMS=' + $c.Datagrams",
            "Read-MailslotCapture cap.pcap | ForEach-Object { 'READ ' + $_.SourceName + ' ' + $_.DestinationName + ' ' + $_.Mailslot + ' ' + $_.Length }",
        ], home)
        check("capture: two datagrams recorded; the write blocked by policy (3025) sends nothing", "DATAGRAMS=2" in out, out)
        check("capture: Read-MailslotCapture decodes it", "READ LABPC<00> LABPC<00> \\MAILSLOT\\CAP 13" in out, out)
        pcap = os.path.join(home, "cap.pcap")
        if not shutil.which("tshark") or not os.path.exists(pcap):
            check("capture: tshark decodes the capture", False, "no tshark or no capture")
            return
        fields = ["frame.protocols", "ip.src", "udp.srcport", "udp.dstport", "nbdgm.type", "nbdgm.source_name",
                  "nbdgm.destination_name", "smb.cmd", "smb.trans_name", "mailslot.opcode", "mailslot.class",
                  "data.data", "browser.command", "browser.server"]
        run = subprocess.run(["tshark", "-r", pcap, "-T", "fields", "-E", "separator=|"] + sum((["-e", f] for f in fields), []),
                             capture_output=True, text=True)
        rows = [dict(zip(fields, line.split("|"))) for line in run.stdout.strip().split("\n") if line]
        check("capture: tshark reads two frames", len(rows) == 2, run.stdout + run.stderr)
        if len(rows) != 2:
            return
        first, second = rows
        check("capture: Ethernet/IPv4/UDP 138 -> NBDS -> SMB -> MailSlot",
              first["frame.protocols"].startswith("eth:ethertype:ip:udp:nbdgm:smb") and first["udp.srcport"] == "138"
              and first["udp.dstport"] == "138" and first["ip.src"] == "127.0.0.1", str(first))
        check("capture: the NetBIOS datagram fields",
              first["nbdgm.type"] == "16" and first["nbdgm.source_name"] == "LABPC<00>"
              and first["nbdgm.destination_name"] == "LABPC<00>", str(first))
        check("capture: the SMB mailslot write and its data",
              first["smb.cmd"] == "0x25" and first["smb.trans_name"] == "\\MAILSLOT\\CAP" and first["mailslot.opcode"] == "1"
              and first["mailslot.class"] == "2" and first["data.data"] == "hello capture".encode().hex(), str(first))
        check("capture: the browser announcement decodes as a BROWSER Host Announcement",
              second["nbdgm.type"] == "17" and second["smb.trans_name"] == "\\MAILSLOT\\BROWSE"
              and second["browser.command"] == "0x01" and second["browser.server"] == "LABPC", str(second))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "smbconfig-shell"))
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    if not os.path.exists(binary):
        print(f"no shell binary at {binary}")
        return 1
    test_transcript(binary)
    test_registry(binary)
    test_capture(binary)
    test_labs(binary)
    test_check_sandbox(binary)
    passed = sum(results)
    failed = len(results) - passed
    print(f"labs: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
