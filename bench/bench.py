#!/usr/bin/env python3
"""The relay benchmark's measurements (run by bench/run.sh, which starts the
peers and passes where they are). Prints one Markdown table.

Non-stream scenarios use wrk (latency percentiles, requests/s); streams,
open-stream memory, idle connections and cold start use asyncio sockets
here. The same client code measures every peer, so what a peer adds is its
figure minus the direct figure."""

import argparse
import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time


def rss_kib(pid):
    """Resident memory of a process and its children (nginx's workers)."""
    total = 0
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as children:
            for child in children.read().split():
                total += rss_kib(int(child))
    except OSError:
        pass
    return total


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


class Peer:
    def __init__(self, name, port, pid, headers):
        self.name = name
        self.port = port
        self.pid = pid
        self.headers = headers

    def request(self, model, stream, method="POST", path="/v1/chat/completions"):
        body = json.dumps({"model": model, "stream": stream,
                           "messages": [{"role": "user", "content": "hi"}]}).encode()
        head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
        for name, value in self.headers.items():
            head += f"{name}: {value}\r\n"
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        return head.encode() + body


# --- non-stream: wrk -------------------------------------------------------

def wrk(peer, connections, seconds):
    body = json.dumps({"model": "bench-1-0", "stream": False,
                       "messages": [{"role": "user", "content": "hi"}]})
    lines = ['wrk.method = "POST"', f"wrk.body = {json.dumps(body)}",
             'wrk.headers["Content-Type"] = "application/json"']
    for name, value in peer.headers.items():
        lines.append(f"wrk.headers[{json.dumps(name)}] = {json.dumps(value)}")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write("\n".join(lines) + "\n")
    url = f"http://127.0.0.1:{peer.port}/v1/chat/completions"
    threads = 1 if connections < 100 else 2
    # A short warm-up first (connection pools, caches), then the measurement.
    subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", "-d1s", "-s", script.name, url],
                   capture_output=True, text=True)
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s",
                          "--latency", "-s", script.name, url],
                         capture_output=True, text=True).stdout
    os.unlink(script.name)
    units = {"us": 0.001, "ms": 1.0, "s": 1000.0}

    def latency(label):
        match = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        return float(match.group(1)) * units[match.group(2)] if match else float("nan")

    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {"p50": latency("50%"), "p99": latency("99%"),
            "rps": float(rate.group(1)) if rate else 0.0,
            "errors": int(errors.group(1)) if errors else 0,
            "socket_errors": socket_errors.group(1) if socket_errors else ""}


# --- streams -----------------------------------------------------------------

async def read_head(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    return status, head


async def stream_once(peer, model, connection=None):
    """One streamed completion; returns (ttft s, total s, tokens, connection)."""
    if connection is None:
        connection = await asyncio.open_connection("127.0.0.1", peer.port)
    reader, writer = connection
    started = time.perf_counter()
    writer.write(peer.request(model, True))
    status, _ = await read_head(reader)
    if status != 200:
        raise RuntimeError(f"{peer.name}: HTTP {status}")
    first = None
    received = b""
    while True:
        data = await reader.read(65536)
        if not data:
            raise RuntimeError(f"{peer.name}: the stream ended early")
        received += data
        if first is None and b'"content":"tok' in received:
            first = time.perf_counter()
        if b"[DONE]" in received and received.endswith(b"0\r\n\r\n"):
            break
    total = time.perf_counter() - started
    return first - started, total, received.count(b'"content":"tok'), connection


async def streams(peer, model, count):
    connection = None
    ttfts, totals, tokens = [], [], 0
    for i in range(count + 5):
        ttft, total, n, connection = await stream_once(peer, model, connection)
        if i >= 5:  # the first five warm up
            ttfts.append(ttft * 1000)
            totals.append(total)
            tokens += n
    connection[1].close()
    return {"p50": percentile(ttfts, 0.5), "p99": percentile(ttfts, 0.99),
            "chunks": tokens / sum(totals) if sum(totals) else 0}


async def open_streams(peer, count):
    """RSS growth of the peer while `count` streams are open at once."""
    before = rss_kib(peer.pid)
    connections = []

    async def one():
        reader, writer = await asyncio.open_connection("127.0.0.1", peer.port)
        writer.write(peer.request("bench-60-1000", True))
        status, _ = await read_head(reader)
        received = b""
        while b'"content":"tok' not in received:
            data = await reader.read(65536)
            if not data:
                raise RuntimeError(f"{peer.name}: an open stream ended")
            received += data
        connections.append(writer)

    for start in range(0, count, 200):
        await asyncio.gather(*(one() for _ in range(min(200, count - start))))
    await asyncio.sleep(1)  # let the peer settle (buffers, timers)
    after = rss_kib(peer.pid)
    for writer in connections:
        writer.transport.abort()
    return (after - before) / 1024.0


async def idle_connections(peer, count, request):
    """RSS growth of the peer holding `count` idle keep-alive connections."""
    before = rss_kib(peer.pid)
    writers = []

    async def one():
        reader, writer = await asyncio.open_connection("127.0.0.1", peer.port)
        writer.write(request)
        status, head = await read_head(reader)
        match = re.search(rb"content-length:\s*(\d+)", head, re.I)
        if match:
            await reader.readexactly(int(match.group(1)))
        writers.append(writer)

    for start in range(0, count, 500):
        await asyncio.gather(*(one() for _ in range(min(500, count - start))))
    await asyncio.sleep(1)
    after = rss_kib(peer.pid)
    for writer in writers:
        writer.transport.abort()
    return (after - before) / 1024.0


def cold_start(command, env, port, path, headers=""):
    """Milliseconds from exec to the first 200 on `path`."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    request = (f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}Connection: close\r\n\r\n"
               ).encode()
    import socket
    try:
        while time.perf_counter() - started < 30:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                    s.sendall(request)
                    if s.recv(64).startswith(b"HTTP/1.1 200"):
                        return (time.perf_counter() - started) * 1000
            except OSError:
                pass
            time.sleep(0.001)
        return float("nan")
    finally:
        process.terminate()
        process.wait()


# --- the table ---------------------------------------------------------------

def fmt(value, digits=2):
    return "—" if value != value else f"{value:.{digits}f}"


def signed(value, digits=3):
    return "—" if value != value else f"{value:+.{digits}f}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--peers", required=True, help="JSON: [{name, port, pid, headers}]")
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--streams", type=int, default=100)
    parser.add_argument("--cold", required=True, help="JSON: {name: {command, env, port, path}}")
    args = parser.parse_args()
    peers = [Peer(p["name"], p["port"], p["pid"], p.get("headers", {}))
             for p in json.loads(args.peers)]
    names = [p.name for p in peers]
    results = {p.name: {} for p in peers}

    for peer in peers:
        print(f"measuring {peer.name}…", file=sys.stderr, flush=True)
        r = results[peer.name]
        for c in (1, 10, 100):
            r[f"c{c}"] = wrk(peer, c, args.seconds)
        r["s0"] = asyncio.run(streams(peer, "bench-200-0", args.streams))
        r["s20"] = asyncio.run(streams(peer, "bench-200-20", max(20, args.streams // 5)))
        r["open"] = asyncio.run(open_streams(peer, 1000))
        r["idle"] = asyncio.run(idle_connections(
            peer, 5000, peer.request("bench-1-0", False)))
    cold = json.loads(args.cold)
    for name, spec in cold.items():
        env = dict(os.environ, **spec.get("env", {}))
        results[name]["cold"] = statistics.median(
            cold_start(spec["command"], env, spec["port"], spec["path"], spec.get("headers", ""))
            for _ in range(5))

    direct = results["direct"]

    def added(name, key, field):
        return results[name][key][field] - direct[key][field]

    rows = []

    def row(label, cells, target=""):
        rows.append(f"| {label} | " + " | ".join(cells) + f" | {target} |")

    for c in (1, 10, 100):
        key = f"c{c}"
        row(f"non-stream c={c}: latency p50 / p99 (ms; peers: added)",
            [f"{fmt(direct[key]['p50'], 3)} / {fmt(direct[key]['p99'], 3)}"] +
            [f"{signed(added(n, key, 'p50'))} / {signed(added(n, key, 'p99'))}" for n in names[1:]],
            "Hearth < 0.3 / < 1 ms" if c == 1 else "")
        row(f"non-stream c={c}: requests/s",
            [f"{results[n][key]['rps']:.0f}" + (f" ({results[n][key]['errors']} errors)"
                                                 if results[n][key]['errors'] else "")
             for n in names], "Hearth ≥ 5,000" if c == 100 else "")
    for key, label in (("s0", "200 tokens at 0 ms"), ("s20", "200 tokens at 20 ms")):
        row(f"stream {label}: first token p50 / p99 (ms; peers: added)",
            [f"{fmt(direct[key]['p50'], 3)} / {fmt(direct[key]['p99'], 3)}"] +
            [f"{signed(added(n, key, 'p50'))} / {signed(added(n, key, 'p99'))}" for n in names[1:]],
            "Hearth < 1 ms" if key == "s0" else "")
        row(f"stream {label}: tokens/s per stream",
            [f"{results[n][key]['chunks']:.0f}" for n in names])
    row("1,000 open streams: memory (MB; per stream)",
        [f"{results[n]['open']:.1f} ({results[n]['open'] * 1024 / 1000:.0f} KB)" for n in names],
        "Hearth < 60 MB")
    row("5,000 idle keep-alive connections: memory (MB)",
        [f"{results[n]['idle']:.1f}" for n in names])
    row("cold start to the first 200 (ms, median of 5)",
        [fmt(results[n].get("cold", float("nan")), 1) for n in names], "Hearth < 150 ms")
    hearth_added = added("hearth", "c1", "p50")
    nginx_added = added("nginx", "c1", "p50") if "nginx" in results else float("nan")
    print("| scenario | " + " | ".join(names) + " | target |")
    print("|---|" + "---|" * len(names) + "---|")
    print("\n".join(rows))
    if nginx_added == nginx_added and nginx_added > 0:
        print(f"\nHearth's added latency at c=1 is {hearth_added / nginx_added:.1f}× nginx's "
              f"(+{hearth_added:.3f} ms vs +{nginx_added:.3f} ms; target ≤ 3×).")
    with open(os.environ.get("HEARTH_BENCH_JSON", "/dev/null"), "w") as out:
        json.dump(results, out, indent=1)


if __name__ == "__main__":
    main()
