"""The performance benchmark: every workload in its own process, in interleaved rounds, so that
the machine's drift hits all of them alike; figures are medians over the rounds, and speeds
are also given as ratios to the NumPy implementation timed in the same run.

Workloads: the reference Markov chain through NumPy (ref_markov_numpy.py) and through the
engine (1 and 2 threads); the fitted Køge model scaled to 1,000,000 citizens (1 and 2
threads); each of these two on one thread twice at once, the machine's own reference for
two threads; a whole `almpsim sweep` of the immediate-activation scenario (replications/s); and
Denmark at scale, the Køge model at 700,000 citizens over 520 weeks, as `almpsim run` runs two
replications on two cores, from which the wall time of a 1,000-replication Monte Carlo on this
machine is projected (`--workloads denmark` runs it alone); the same under MPI, two ranks of
one thread each started by mpirun, each timing one replication, with the scaling model that
projects K ranks from them.
"""
import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import h5py

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SINGLE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def run_process(command, env=None):
    """Runs a command; returns its stdout, wall seconds and peak resident bytes. The peak is
    wait4's ru_maxrss, which Linux carries over exec from this Python process: an upper bound,
    at least this interpreter's size. Workers report their own peak (VmHWM), which is used
    where they do."""
    with tempfile.TemporaryFile("w+") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, env={**os.environ, **(env or {})}, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read()
    if process.returncode != 0:
        sys.exit(f"benchmark: {' '.join(command)} failed with status {process.returncode}")
    return text, wall, usage.ru_maxrss * 1024


def worker_record(text):
    """The figures an almpsim_bench worker prints, on its last line, as JSON."""
    return json.loads(text.strip().splitlines()[-1])


def run_side_by_side(command, copies, env=None):
    """Starts `copies` of a command at once and waits for all; returns their stdouts. If any
    fails, the benchmark exits once all have ended."""
    outputs = [tempfile.TemporaryFile("w+") for _ in range(copies)]
    processes = [subprocess.Popen(command, stdout=out, env={**os.environ, **(env or {})}, cwd=ROOT)
                 for out in outputs]
    statuses = [process.wait() for process in processes]
    texts = []
    for out in outputs:
        out.seek(0)
        texts.append(out.read())
        out.close()
    if any(statuses):
        sys.exit(f"benchmark: {' '.join(command)} failed with status {next(s for s in statuses if s)}")
    return texts


class Workload:
    """One command timed once a round. `copies` > 1 starts that many one-thread runs at once:
    the citizen-weeks of all over the slowest's own seconds (set-up included, loading not, as
    each reports them), what the machine gives independent runs that share its memory and
    caches: a reference for the 2-thread scaling, not a strict bound (two runs hold two
    populations, but have no serial steps)."""

    def __init__(self, name, threads, command, unit="Mcw/s", env=None, sweep_file=None, run_file=None, copies=1):
        self.name, self.threads, self.command, self.unit = name, threads, command, unit
        self.env, self.sweep_file, self.run_file, self.copies = env, sweep_file, run_file, copies
        self.rates, self.bytes_per_citizen, self.extra = [], [], {}

    def measure(self):
        if self.copies > 1:
            records = [worker_record(t) for t in run_side_by_side(self.command, self.copies, self.env)]
            self.rates.append(sum(r["citizen_weeks"] for r in records) / max(r["seconds"] for r in records) / 1e6)
            self.extra = {"copies": self.copies}
            return
        text, wall, peak = run_process(self.command, self.env)
        if self.run_file:
            # Replications per second of a whole `almpsim run`, loading and writing included.
            with h5py.File(self.run_file, "r") as f:
                replications = int(f["/meta/replications"][()])
                # Citizen-weeks as almpsim_bench counts them: everyone present at each week's start.
                citizen_weeks = float(f["/timeseries/occupancy"][()].sum(dtype="int64"))
            os.remove(self.run_file)
            self.rates.append(replications / wall)
            self.extra = {"replications": replications, "peak_rss_bytes": peak,
                          "citizen_weeks_per_second": citizen_weeks / wall}
            return
        if self.sweep_file:
            with h5py.File(self.sweep_file, "r") as f:
                # One scenario per point (/sweep/points/values holds a value per point and key).
                points = f["/sweep/points/scenarios"].shape[0]
                replications = int(f["/meta/replications"][()])
            os.remove(self.sweep_file)
            self.rates.append(points * replications / wall)
            self.extra = {"points": points, "replications": replications}
            return
        if self.unit == "rep/s, ranks":
            # One replication per rank, side by side: replications per second of the whole launch.
            records = [json.loads(line) for line in text.strip().splitlines() if line.startswith("{")]
            self.rates.append(len(records) / wall)
            self.extra = {"ranks": len(records), "peak_rss_bytes": max(r["peak_rss_bytes"] for r in records),
                          "replication_seconds": max(r["seconds"] for r in records),
                          "launch_seconds": wall - max(r["seconds"] for r in records)}
            return
        record = worker_record(text)
        self.rates.append(record["citizen_weeks"] / record["seconds"] / 1e6)
        self.bytes_per_citizen.append(record["peak_rss_bytes"] / record["citizens"])
        self.extra = {"citizens": record["citizens"], "citizen_weeks": record["citizen_weeks"]}
        if "largest_z" in record:
            self.extra["largest_z"] = record["largest_z"]

    def summary(self):
        return statistics.median(self.rates), min(self.rates), max(self.rates)


def koege_size(almpsim):
    """The Køge scenario's population.size, so that --scale reaches the Denmark-scale count."""
    text = subprocess.run([almpsim, "validate", "scenarios/koege_2008.toml", "--print"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout
    section = text[text.index("[population]"):]
    return float(next(line.split("=")[1] for line in section.splitlines() if line.startswith("size")))


def print_denmark(denmark, ranks, run_ranks, args):
    """The projected wall time of 1,000 replications, from the measured rates on two cores."""
    rate = denmark.summary()[0]
    hours = 1000 / rate / 3600
    print(f"\nDenmark scale: the Køge model at {args.denmark_citizens:,} citizens over {args.denmark_weeks} weeks, "
          f"median of {args.rounds}")
    print(f"almpsim run, 2 replications on 2 threads: {rate:.3f} replications/s, "
          f"{denmark.extra['citizen_weeks_per_second'] / 1e6:.0f} M citizen-weeks/s on the 2 cores, "
          f"at most {denmark.extra['peak_rss_bytes'] / 2**30:.2f} GiB at peak (wait4, this interpreter included)")
    print(f"projected wall time of 1,000 replications on this machine: {hours:.2f} h "
          f"({'meets' if hours <= 0.5 else 'misses'} the 30-minute target)")
    if ranks is None:
        print("MPI: not measured (no mpirun)")
        return
    per_rank = ranks.extra["replication_seconds"]
    launch = ranks.extra["launch_seconds"]
    k_rate = ranks.summary()[0]
    run_rate = run_ranks.summary()[0]
    print(f"almpsim run on 2 MPI ranks of 1 thread, one replication each, the file written by the first: "
          f"{run_rate:.3f} replications/s, projecting {1000 / run_rate / 3600:.2f} h for 1,000 replications")
    print(f"MPI, 2 ranks of 1 thread, one replication each: {k_rate:.3f} replications/s "
          f"(the slower rank {per_rank:.1f} s a replication on one core, {ranks.extra['peak_rss_bytes'] / 2**30:.2f} GiB a rank), "
          f"projecting {1000 / k_rate / 3600:.2f} h for 1,000 replications")
    # Replications need no communication until the end, so K ranks of one core each take
    # ceil(1000 / K) replications in turn, plus the launch.
    projections = ", ".join(f"K={k}: {(math.ceil(1000 / k) * per_rank + launch) / 60:.0f} min" for k in (2, 8, 32, 128))
    print(f"scaling model, wall = ceil(1000 / K) x {per_rank:.1f} s + {launch:.1f} s launch: {projections}")


def mpi_launcher():
    """mpirun with the flags a container's root needs, or None without it."""
    if shutil.which("mpirun") is None:
        return None
    launcher = ["mpirun", "-np", "2", "--oversubscribe"]
    return launcher + ["--allow-run-as-root"] if os.geteuid() == 0 else launcher


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", default=os.path.join(ROOT, "build", "release"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--koege-citizens", type=int, default=1_000_000)
    parser.add_argument("--denmark-citizens", type=int, default=700_000)
    parser.add_argument("--denmark-weeks", type=int, default=520)
    parser.add_argument("--workloads", choices=["all", "denmark"], default="all",
                        help="all, or only the Denmark-scale projection")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    if args.rounds < 1:
        sys.exit("benchmark: --rounds must be at least 1")

    bench = os.path.join(args.build_dir, "almpsim_bench")
    almpsim = os.path.join(args.build_dir, "almpsim")
    sweep_file = os.path.join(tempfile.gettempdir(), f"almpsim_bench_sweep_{os.getpid()}.h5")
    koege = ["scenarios/koege_2008.toml", "--citizens", str(args.koege_citizens)]
    workloads = [
        Workload("reference, NumPy", 1, [sys.executable, os.path.join(HERE, "ref_markov_numpy.py"), "--check"],
                 env=SINGLE_THREAD_ENV),
        Workload("reference, engine", 1, [bench, "scenarios/reference_markov.toml", "--threads", "1"]),
        Workload("reference, engine", 2, [bench, "scenarios/reference_markov.toml", "--threads", "2"]),
        Workload("Køge at 1M, engine", 1, [bench, *koege, "--threads", "1"]),
        Workload("Køge at 1M, engine", 2, [bench, *koege, "--threads", "2"]),
        Workload("reference, 2 runs at once", 2, [bench, "scenarios/reference_markov.toml", "--threads", "1"],
                 copies=2),
        Workload("Køge at 1M, 2 runs at once", 2, [bench, *koege, "--threads", "1"], copies=2),
        Workload("immediate-activation sweep", 2,
                 [almpsim, "sweep", "scenarios/straksaktivering_sweep.toml", "--threads", "2", "--quiet",
                  "-o", sweep_file], unit="rep/s", sweep_file=sweep_file),
    ]
    run_file = os.path.join(tempfile.gettempdir(), f"almpsim_bench_denmark_{os.getpid()}.h5")
    denmark_run = [almpsim, "run", "scenarios/koege_2008.toml", "--replications", "2", "--quiet",
                   "--scale", str(args.denmark_citizens / koege_size(almpsim)),
                   "--set", f"weeks={args.denmark_weeks}", "-o", run_file]
    denmark = Workload("Denmark scale, almpsim run", 2, [*denmark_run, "--threads", "2"], unit="rep/s",
                       run_file=run_file)
    launcher = mpi_launcher()
    ranks = run_ranks = None
    if launcher:
        ranks = Workload("Denmark scale, 2 MPI ranks", 2,
                         [*launcher, bench, "scenarios/koege_2008.toml", "--citizens", str(args.denmark_citizens),
                          "--set", f"weeks={args.denmark_weeks}", "--threads", "1"], unit="rep/s, ranks")
        # The command a researcher runs: each rank one replication on one thread, the second
        # handing its result to the first, which writes the file.
        run_ranks = Workload("Denmark scale, run on 2 ranks", 2,
                             [*launcher, *denmark_run, "--threads", "1"],
                             unit="rep/s", run_file=run_file)
    if args.workloads == "denmark":
        workloads = []
    workloads.append(denmark)
    if ranks:
        workloads += [ranks, run_ranks]
    for r in range(args.rounds):
        for w in workloads:
            w.measure()
        print(f"round {r + 1}/{args.rounds} done", file=sys.stderr, flush=True)
    print_denmark(denmark, ranks, run_ranks, args)
    if args.workloads == "denmark":
        return

    numpy = workloads[0].summary()[0]
    print(f"\nalmpsim benchmark: median of {args.rounds} rounds [min, max]; ratios to NumPy's median\n")
    print(f"{'workload':30} {'threads':>7} {'median':>10} {'min':>9} {'max':>9} {'unit':12} {'x NumPy':>8} "
          f"{'bytes/citizen':>13}")
    for w in workloads:
        median, low, high = w.summary()
        ratio = f"{median / numpy:8.1f}" if w.unit == "Mcw/s" else f"{'':8}"
        memory = f"{statistics.median(w.bytes_per_citizen):13.0f}" if w.bytes_per_citizen else f"{'':13}"
        digits = 1 if median >= 10 else 3  # Denmark scale runs well under one replication a second
        threads = f"{w.copies} x 1" if w.copies > 1 else str(w.threads)
        print(f"{w.name:30} {threads:>7} {median:10.{digits}f} {low:9.{digits}f} {high:9.{digits}f} {w.unit:12} "
              f"{ratio} {memory}")

    ref1, ref2, koege1, koege2, ref_pair, koege_pair = (w.summary()[0] for w in workloads[1:7])
    print("\n2-thread scaling: reference %.2fx, Køge %.2fx" % (ref2 / ref1, koege2 / koege1))
    print("for reference, two one-thread runs side by side against one alone: reference %.2fx, Køge %.2fx"
          % (ref_pair / ref1, koege_pair / koege1))
    memory_reference = max(statistics.median(w.bytes_per_citizen) for w in workloads[1:3])
    memory_koege = max(statistics.median(w.bytes_per_citizen) for w in workloads[3:5])
    denmark_minutes = 1000 / denmark.summary()[0] / 60
    targets = [
        ("reference, 1 thread >= 15x NumPy", ref1 / numpy, 15.0, "%.1fx", True),
        ("Køge at 1M, 1 thread >= 1.5x NumPy", koege1 / numpy, 1.5, "%.2fx", True),
        ("2 threads >= 1.9x one (reference)", ref2 / ref1, 1.9, "%.2fx", True),
        ("2 threads >= 1.9x one (Køge)", koege2 / koege1, 1.9, "%.2fx", True),
        ("reference <= 32 bytes/citizen", memory_reference, 32, "%.0f", False),
        ("Køge <= 48 bytes/citizen", memory_koege, 48, "%.0f", False),
        ("Denmark, 1,000 replications <= 30 min", denmark_minutes, 30, "%.0f min", False),
    ]
    print("\ntarget                                    figure        met")
    for label, value, bound, fmt, at_least in targets:
        met = value >= bound if at_least else value <= bound
        print(f"{label:41} {fmt % value:>12}  {'yes' if met else 'no'}")
    print(f"(Køge at 1M, 1 thread: {koege1:.1f} M citizen-weeks/s, against 100 M on a machine where NumPy runs "
          f"the reference at 67 M)")
    largest_z = workloads[0].extra.get("largest_z")
    print(f"\nNumPy occupancy vs p0.P^w: largest deviation {largest_z:.2f} standard errors")

    if args.json:
        with open(args.json, "w") as f:
            json.dump({"rounds": args.rounds, "workloads": [
                {"name": w.name, "threads": w.threads, "copies": w.copies, "unit": w.unit, "rates": w.rates,
                 "bytes_per_citizen": w.bytes_per_citizen, **w.extra} for w in workloads]}, f, indent=2)


if __name__ == "__main__":
    main()
