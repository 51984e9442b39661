#!/usr/bin/env python3
"""scripts/bench-transport: the plain UDP floor and the local mailslot figures (the Swift tool built
from main.swift), then two built shells as two hosts on loopback (HOSTA on 127.0.0.2, HOSTB on
127.0.0.3) exchanging 100-byte remote mailslot messages, in one run, with the ratios.

Throughput: HOSTB reads in a loop and prints a progress line every STEP messages; HOSTA writes COUNT
messages in a loop. The rate is taken between HOSTB's first and last progress lines, as stamped when
they reach this driver, so process start-up and the final timeout are not counted.
Latency: HOSTA writes one message to HOSTB and reads HOSTB's echo, PINGS times, printing a line per
exchange; the time between consecutive lines is one round trip (one-way = half of it).

Usage: bench.py TOOL BINARY [COUNT] [PINGS]
"""
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
from shelldriver import ShellError, free_port, start_host  # noqa: E402

tool = os.path.abspath(sys.argv[1])
binary = os.path.abspath(sys.argv[2])
count = int(sys.argv[3]) if len(sys.argv) > 3 else 200_000
pings = int(sys.argv[4]) if len(sys.argv) > 4 else 5_000
step = max(1, count // 20)


def start_pair():
    for _ in range(5):
        port = free_port(("127.0.0.2", "127.0.0.3"))
        lmhosts = os.path.join(tempfile.mkdtemp(prefix="smbconfig-bench-"), "lmhosts")
        pathlib.Path(lmhosts).write_text(f"127.0.0.2:{port} HOSTA #DOM:BENCH\n127.0.0.3:{port} HOSTB #DOM:BENCH\n")
        try:
            a = start_host(binary, "HOSTA", ["bench", "pong"], address="127.0.0.2", port=port, attempts=1,
                           workgroup="BENCH", lmhosts=lmhosts)
        except ShellError:
            continue
        try:
            return a, start_host(binary, "HOSTB", ["bench", "ping"], address="127.0.0.3", port=port, attempts=1,
                                 workgroup="BENCH", lmhosts=lmhosts)
        except ShellError:
            a.close()
    raise ShellError("could not start two shells on one free port")


def percentile(values, p):
    return values[min(len(values) - 1, int(len(values) * p))]


# The floor and the local figures first, in the same run.
report = subprocess.run([tool], check=True, capture_output=True, text=True).stdout
print("-- transport library and plain UDP (" + os.path.basename(tool) + ")")
print(report, end="")
figures = {}
for line in report.splitlines():
    match = re.match(r"(.*\S)\s+([0-9.]+) \S+$", line)
    if match:
        label = re.sub(r", \d+-byte payload$", "", match.group(1).strip())
        figures[label] = float(match.group(2))

a, b = start_pair()
try:
    message = "'" + "m" * 100 + "'"
    # Warm-up, so both shells have resolved names and bound their endpoints.
    a.run(f"Send-MailslotMessage -Path '\\\\HOSTB\\mailslot\\bench' -Message {message}")
    if b.run("Receive-MailslotMessage -Name bench -Timeout 5000") != ["m" * 100]:
        raise ShellError("warm-up message did not arrive")

    def throughput(receiver, sender):
        """Messages/s between HOSTB's first and last progress lines, and how many never arrived."""
        b.run(f"$chunk = @(Get-Mailslot bench) * {step}; $msgs = @({message}) * {count}")
        a.run(f"$msgs = @({message}) * {count}")
        b.send(receiver)
        a.send(sender + "; 'SENT'")
        progress, received = [], None
        deadline = time.monotonic() + 600
        while received is None:
            stamp, line = b.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            if line is None:
                raise ShellError("HOSTB exited")
            if line.startswith("P "):
                progress.append((stamp, int(line[2:])))
            elif line.startswith("END "):
                received = int(line[4:])
            elif "semaphore timeout" not in line:
                raise ShellError(f"HOSTB printed {line!r}")
        a.collect("SENT", timeout=60)
        b.run("$Error.Clear()")
        (t0, n0), (t1, n1) = progress[0], progress[-1]
        return (n1 - n0) / (t1 - t0), count - received

    slot = "'\\\\HOSTB\\mailslot\\bench'"
    # One command per message: a foreach statement on each side.
    loop_rate, loop_lost = throughput(
        f"$n = 0; while ($n -lt {count}) {{ $m = Receive-MailslotMessage -Name bench -Timeout 2000 2>$null; "
        f"if (-not $?) {{ break }}; $n++; if ($n % {step} -eq 0) {{ 'P ' + $n }} }}; 'END ' + $n",
        f"foreach ($m in $msgs) {{ Send-MailslotMessage -Path {slot} -Message $m }}")
    # The pipeline: messages piped into Send-MailslotMessage, mailslot objects into Receive-MailslotMessage.
    pipe_rate, pipe_lost = throughput(
        f"$n = 0; try {{ foreach ($k in 1..{count // step}) {{ $chunk | Receive-MailslotMessage -Timeout 2000 -ErrorAction Stop | Out-Null; "
        f"$n += {step}; 'P ' + $n }} }} catch {{ }}; 'END ' + $n",
        f"$msgs | Send-MailslotMessage -Path {slot}")

    # Round trips, one message in flight.
    b.send(f"foreach ($i in 1..{pings}) {{ $m = Receive-MailslotMessage -Name ping -Timeout 5000; "
           "Send-MailslotMessage -Path '\\\\HOSTA\\mailslot\\pong' -Message $m }; 'ECHOED'")
    a.send(f"$m = {message}; foreach ($i in 1..{pings}) {{ Send-MailslotMessage -Path '\\\\HOSTB\\mailslot\\ping' -Message $m; "
           "$r = Receive-MailslotMessage -Name pong -Timeout 5000; $i }; 'PONGED'")
    stamped = a.collect("PONGED", timeout=300, stamped=True)
    b.collect("ECHOED", timeout=30)
    stamps = [stamp for stamp, line in stamped if line.isdigit()]
    if len(stamps) != pings:
        raise ShellError(f"HOSTA printed {len(stamps)} of {pings} lines: {[l for _, l in stamped if not l.isdigit()][:3]}")
    # Skip the first tenth: the shells' loops and caches settle.
    rtts = sorted(later - earlier for earlier, later in zip(stamps[pings // 10:], stamps[pings // 10 + 1:]))
    rtt50, rtt99 = percentile(rtts, 0.5) * 1e6, percentile(rtts, 0.99) * 1e6
finally:
    a.close()
    b.close()


def row(label, value, unit):
    number = f"{value:.2f}" if unit == "x" else f"{value:,.0f}"
    print(f"{label:<58}{number:>12} {unit}")


plain = figures["plain UDP sendto/recvfrom"]
plain_rtt50, plain_rtt99 = figures["plain UDP ping-pong round trip p50"], figures["plain UDP ping-pong round trip p99"]
print(f"-- shell to shell: {count:,} messages of 100 bytes each way of sending "
      f"({loop_lost} and {pipe_lost} lost), {pings:,} round trips")
row("plain UDP sendto/recvfrom loop, same datagram size", plain, "msgs/s")
row("remote 100-byte messages, shell to shell, pipeline", pipe_rate, "msgs/s")
row("  / plain UDP (target >= 0.5)", pipe_rate / plain, "x")
row("remote 100-byte messages, shell to shell, foreach loop", loop_rate, "msgs/s")
row("  / plain UDP", loop_rate / plain, "x")
row("shell-to-shell round trip p50", rtt50, "us")
row("shell-to-shell round trip p99", rtt99, "us")
row("shell-to-shell one-way latency p50 (round trip / 2)", rtt50 / 2, "us")
row("shell-to-shell one-way latency p99 (round trip / 2)", rtt99 / 2, "us")
row("plain UDP ping-pong round trip p50", plain_rtt50, "us")
row("plain UDP ping-pong round trip p99", plain_rtt99, "us")
row("shell-to-shell / plain UDP round trip p50", rtt50 / plain_rtt50, "x")
local = figures["local write+read (mailslot handle)"]
row("local mailslot write+read (target >= 1,000,000)", local, "msgs/s")
