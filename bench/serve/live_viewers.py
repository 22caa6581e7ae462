#!/usr/bin/env python3
"""Load benchmark of `canopy serve --live`: VIEWERS streams of /api/live held for SECONDS.

Usage: live_viewers.py CANOPY_BINARY [VIEWERS] [SECONDS]

Starts `canopy serve --live --port 0` on the default scenario, opens the streams on loopback,
reads them for the given time and prints: connections held to the end, connections dropped,
messages received per second (all viewers together) and the server's peak resident memory.
Standard library only (asyncio)."""
import asyncio
import subprocess
import sys
import time


def peak_rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


async def viewer(host, port, deadline, counts):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET /api/live HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    await writer.drain()
    try:
        while time.monotonic() < deadline:
            line = await asyncio.wait_for(reader.readline(), deadline - time.monotonic())
            if not line:
                counts["dropped"] += 1
                return
            if line.startswith(b"data: "):
                counts["messages"] += 1
    except asyncio.TimeoutError:
        pass
    counts["held"] += 1
    writer.close()


async def main():
    binary = sys.argv[1]
    viewers = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 60
    server = subprocess.Popen([binary, "serve", "--live", "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    url = server.stdout.readline().strip()
    host, port = url.removeprefix("http://").rstrip("/").rsplit(":", 1)
    counts = {"held": 0, "dropped": 0, "messages": 0}
    start = time.monotonic()
    await asyncio.gather(*(viewer(host, int(port), start + seconds, counts) for _ in range(viewers)))
    elapsed = time.monotonic() - start
    peak = peak_rss_kib(server.pid)
    server.terminate()
    server.wait()
    print(f"viewers {viewers}, held to the end {counts['held']}, dropped {counts['dropped']}")
    print(f"messages {counts['messages']} in {elapsed:.1f} s: {counts['messages'] / elapsed:.0f} per second")
    print(f"server peak resident memory {peak / 1024:.1f} MiB")


asyncio.run(main())
