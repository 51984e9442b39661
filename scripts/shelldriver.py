"""Drives a running smbconfig-shell through its piped stdin, for the transport's black-box tests and
benchmark (scripts/blackbox-transport, scripts/bench-transport).

The shell reads piped commands line by line and writes output unbuffered, so one process can serve a
whole test: `run` writes a command followed by a marker string and returns the lines printed before
the marker comes back.
"""
import os
import queue
import socket
import subprocess
import tempfile
import threading
import time


def free_port(addresses=("127.0.0.1",)):
    """A UDP port free on every one of `addresses` right now (the shell binds it a moment later)."""
    for _ in range(50):
        probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        probe.bind((addresses[0], 0))
        port = probe.getsockname()[1]
        others = []
        try:
            for address in addresses[1:]:
                other = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                others.append(other)
                other.bind((address, port))
            return port
        except OSError:
            continue
        finally:
            probe.close()
            for other in others:
                other.close()
    raise RuntimeError("no UDP port free on " + ", ".join(addresses))


class ShellError(Exception):
    pass


class Shell:
    """One smbconfig-shell process acting as one host: its own COMPUTERNAME, state folder and
    datagram endpoint."""

    def __init__(self, binary, computer, address="127.0.0.1", port=None, workgroup=None,
                 lmhosts=None, home=None, extra_env=None):
        self.binary = binary
        self.computer = computer
        self.address = address
        self.port = port
        self.workgroup = workgroup
        self.lmhosts = lmhosts
        self.home = home or tempfile.mkdtemp(prefix=f"smbconfig-{computer.lower()}-")
        self.extra_env = extra_env or {}
        self.process = None
        self.lines = queue.Queue()
        self.marker = 0

    @property
    def endpoint(self):
        return (self.address, self.port)

    def start(self):
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.home,
            "LANG": "C.UTF-8",
            "TERM": "dumb",
            "COLUMNS": "200",
            "COMPUTERNAME": self.computer,
            "SMBCONFIG_HOME": self.home,
            "SMBCONFIG_DATAGRAM_ENDPOINT": f"{self.address}:{self.port}",
        }
        if self.workgroup:
            env["SMBCONFIG_WORKGROUP"] = self.workgroup
        if self.lmhosts:
            env["SMBCONFIG_LMHOSTS"] = self.lmhosts
        env.update(self.extra_env)
        self.process = subprocess.Popen([self.binary, "-NoLogo", "-NoProfile"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                                        cwd=self.home, bufsize=0)
        self.lines = queue.Queue()
        threading.Thread(target=self._pump, args=(self.process.stdout, self.lines), daemon=True).start()
        return self

    @staticmethod
    def _pump(stream, lines):
        buffer = b""
        while True:
            chunk = stream.read1(65536) if hasattr(stream, "read1") else os.read(stream.fileno(), 65536)
            if not chunk:
                if buffer:
                    lines.put((time.monotonic(), buffer.decode("utf-8", "replace")))
                lines.put((time.monotonic(), None))
                return
            now = time.monotonic()
            buffer += chunk
            *complete, buffer = buffer.split(b"\n")
            for line in complete:
                lines.put((now, line.decode("utf-8", "replace")))

    def send(self, text):
        """Writes commands without waiting for them."""
        try:
            self.process.stdin.write((text + "\n").encode())
            self.process.stdin.flush()
        except BrokenPipeError:
            raise ShellError(f"{self.computer}: the shell exited (status {self.process.poll()})")

    def collect(self, marker, timeout, stamped=False):
        """Lines up to `marker`; raises ShellError after `timeout` seconds or when the shell exits."""
        deadline = time.monotonic() + timeout
        out = []
        while True:
            left = deadline - time.monotonic()
            try:
                stamp, line = self.lines.get(timeout=max(0.0, left))
            except queue.Empty:
                raise ShellError(f"{self.computer}: no answer within {timeout}s; output so far: {out[-20:]!r}")
            if line is None:
                raise ShellError(f"{self.computer}: the shell exited (status {self.process.poll()}); output: {out[-20:]!r}")
            if line == marker:
                return out
            out.append((stamp, line) if stamped else line)

    def run(self, command, timeout=20.0):
        """Runs one command (a complete statement) and returns its output lines (errors included)."""
        self.marker += 1
        marker = f"@@done-{self.marker}"
        self.send(command + "\n'" + marker + "'")
        return self.collect(marker, timeout)

    def value(self, expression, timeout=20.0):
        """The single output line of `expression`."""
        out = self.run(expression, timeout)
        if len(out) != 1:
            raise ShellError(f"{self.computer}: {expression!r} printed {out!r}")
        return out[0]

    def statistics(self):
        """Get-MailslotStatistics as a dict; RejectionsByReason as a nested dict."""
        out = self.run("$s = Get-MailslotStatistics; foreach ($p in $s.PSObject.Properties) "
                       "{ if ($p.Name -ne 'RejectionsByReason') { $p.Name + '=' + $p.Value } }; "
                       "foreach ($k in $s.RejectionsByReason.Keys) { 'reason:' + $k + '=' + $s.RejectionsByReason[$k] }")
        stats, reasons = {}, {}
        for line in out:
            key, _, value = line.partition("=")
            if key.startswith("reason:"):
                reasons[key[len("reason:"):]] = int(value)
            elif key and value.lstrip("-").isdigit():
                stats[key] = int(value)
            else:
                raise ShellError(f"{self.computer}: unexpected statistics line {line!r}")
        stats["RejectionsByReason"] = reasons
        return stats

    def create_mailslots(self, names, enable_server=True, enable_client=True):
        """Creates mailslots (binding the endpoint) and sets the policy; returns False when the
        endpoint could not be bound (another process took the port), True otherwise."""
        commands = [f"New-Mailslot -Name '{name}' -ReadTimeout 0 | Out-Null" for name in names]
        commands.append(f"Set-SmbClientConfiguration -EnableMailslots ${str(enable_client).lower()} -Force")
        commands.append(f"Set-SmbServerConfiguration -EnableMailslots ${str(enable_server).lower()} -Force")
        out = self.run("\n".join(commands))
        if any("Cannot bind the datagram endpoint" in line for line in out):
            return False
        if out:
            raise ShellError(f"{self.computer}: setting up printed {out!r}")
        return True

    def close(self, timeout=10.0):
        if not self.process:
            return
        try:
            self.process.stdin.close()
        except OSError:
            pass
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


def start_host(binary, computer, mailslots, address="127.0.0.1", port=None, attempts=5, **options):
    """Starts a shell, creates its mailslots and enables remote mailslots both ways. The port is
    chosen free beforehand; when the shell still cannot bind it, the shell is restarted on another."""
    for _ in range(attempts):
        shell = Shell(binary, computer, address=address, port=port or free_port((address,)), **options).start()
        if shell.create_mailslots(mailslots):
            return shell
        shell.close()
        port = None
    raise ShellError(f"{computer}: could not bind a datagram endpoint on {address} in {attempts} attempts")


def receive_bytes_command(name, timeout_ms=5000):
    """A command printing `GOT <hex>` for the next message of mailslot `name`, or `NONE`."""
    return (f"$b = Receive-MailslotMessage -Name '{name}' -AsBytes -Timeout {timeout_ms} 2>$null; "
            "if ($?) { 'GOT ' + (($b | ForEach-Object { '{0:x2}' -f $_ }) -join '') } else { 'NONE' }")


def bytes_argument(data):
    """PowerShell text of a byte array argument."""
    return "@(" + ",".join(str(b) for b in data) + ")"
