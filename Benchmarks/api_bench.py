#!/usr/bin/env python3
"""Measures a release supervisord over loopback and prints a Markdown report.

Figures: start-to-first-ping time (5 starts on fresh data dirs, 5 on an existing one), idle RSS
(split into anonymous and file-backed) and thread count, and wrk's req/s with p50/p99 latency for
/supervisor/ping (no token) and /supervisor/info (Bearer token) at 1 and 64 connections.
"errors" counts non-2xx responses plus wrk's socket errors.
Usage: api_bench.py BINARY [--duration SECONDS]
"""
import argparse, json, os, re, shutil, socket, subprocess, sys, tempfile, time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ping_once(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2) as s:
            s.sendall(b"GET /supervisor/ping HTTP/1.1\r\nHost: supervisor\r\nConnection: close\r\n\r\n")
            return s.recv(64).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


def start(binary, data, port):
    began = time.perf_counter()
    process = subprocess.Popen([binary, "--data-dir", data, "--host", "127.0.0.1", "--port", str(port),
                                "--log-level", "warning"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not ping_once(port):
        if process.poll() is not None:
            sys.exit("supervisord exited during start")
        if time.perf_counter() - began > 30:
            sys.exit("supervisord did not answer within 30 s")
        time.sleep(0.001)
    return process, (time.perf_counter() - began) * 1000


def status(pid, field):
    """A kB field of /proc/PID/status in MiB, or a count (Threads) as is."""
    with open(f"/proc/{pid}/status") as lines:
        for line in lines:
            if line.startswith(field + ":"):
                value = int(line.split()[1])
                return value if field == "Threads" else value / 1024
    return float("nan")


def rss_mib(pid):
    return status(pid, "VmRSS")


def rss_split(pid):
    """(anonymous, file-backed) resident MiB from /proc/PID/smaps_rollup."""
    fields = {}
    with open(f"/proc/{pid}/smaps_rollup") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "kB":
                fields[parts[0].rstrip(":")] = int(parts[1]) / 1024
    return fields.get("Anonymous", float("nan")), fields.get("Rss", float("nan")) - fields.get("Anonymous", 0)


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def wrk(port, path, connections, duration, token=None):
    command = ["wrk", "--latency", "-t", str(min(2, connections)), "-c", str(connections), "-d", f"{duration}s"]
    if token:
        command += ["-H", f"Authorization: Bearer {token}"]
    output = subprocess.run(command + [f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = to_ms(re.search(r"\s50%\s+([\d.]+\w+)", output).group(1))
    p99 = to_ms(re.search(r"\s99%\s+([\d.]+\w+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    failures = (int(errors.group(1)) if errors else 0) + (sum(map(int, socket_errors.groups())) if socket_errors else 0)
    return rate, p50, p99, failures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--duration", type=int, default=10)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="supervisor-bench-")
    process = None
    try:
        # Cold starts: a fresh, empty data directory each time (first boot writes its state files).
        starts = []
        for _ in range(5):
            data = tempfile.mkdtemp(dir=work)
            port = free_port()
            process, elapsed = start(args.binary, data, port)
            starts.append(elapsed)
            process.terminate()
            process.wait()
        # Warm starts: the same data directory again, as on every later boot.
        warm = []
        for _ in range(5):
            port = free_port()
            process, elapsed = start(args.binary, data, port)
            warm.append(elapsed)
            process.terminate()
            process.wait()
        data = tempfile.mkdtemp(dir=work)
        port = free_port()
        process, _ = start(args.binary, data, port)
        time.sleep(2)
        idle = rss_mib(process.pid)
        idle_anon, idle_file = rss_split(process.pid)
        threads = status(process.pid, "Threads")
        with open(os.path.join(data, "homeassistant.json")) as state:
            token = json.load(state)["access_token"]
        rows = []
        for path, use_token in (("/supervisor/ping", False), ("/supervisor/info", True)):
            for connections in (1, 64):
                rows.append((path, connections) + wrk(port, path, connections, args.duration, token if use_token else None))
        after = rss_mib(process.pid)
        peak = status(process.pid, "VmHWM")
        threads_after = status(process.pid, "Threads")
        process.terminate()
        process.wait()
    finally:
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
        shutil.rmtree(work, ignore_errors=True)

    def summary(times):
        return f"median {sorted(times)[len(times) // 2]:.1f} ms ({', '.join(f'{t:.1f}' for t in times)})"

    print(f"- binary: {args.binary} ({os.path.getsize(args.binary) / 1024 / 1024:.1f} MiB)")
    print(f"- start to first ping, fresh data dir: {summary(starts)}")
    print(f"- start to first ping, existing data dir: {summary(warm)}")
    print(f"- idle RSS 2 s after start: {idle:.1f} MiB ({idle_anon:.1f} anonymous, {idle_file:.1f} file-backed), "
          f"{threads} threads")
    print(f"- after the load runs: RSS {after:.1f} MiB, peak {peak:.1f} MiB, {threads_after} threads")
    print()
    print("| endpoint | connections | req/s | p50 ms | p99 ms | errors |")
    print("|---|---|---|---|---|---|")
    for path, connections, rate, p50, p99, errors in rows:
        print(f"| {path} | {connections} | {rate:,.0f} | {p50:.3f} | {p99:.3f} | {errors} |")


if __name__ == "__main__":
    main()
