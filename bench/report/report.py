#!/usr/bin/python3
"""Turns the raw phase files of a benchmark run into results/<size>.json, the PNG charts and RESULTS.md,
and prints the summary table. Uses only the standard library and Debian's python3-matplotlib.

    report.py --work bench/.work/S --bench bench --out bench --size S
"""
import argparse
import glob
import json
import os
import re
import shutil

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.ticker  # noqa: E402,F401

SCENARIO_TITLES = {
    "product": "GET /api/products/{id}",
    "listing": "GET /api/products?category&inStock&sort=price",
    "order": "POST /api/orders",
    "review": "POST /api/products/{id}/reviews",
    "top_customers": "GET /api/reports/top-customers",
    "best_sellers": "GET /api/reports/best-sellers",
}
# Targets of the issue. Ratios: service req/s / pgbench tps of the same work.
RATIO_TARGETS = {"order": 0.6, "product": 0.6}
SCALING_SCENARIOS = ["listing", "top_customers", "best_sellers"]
REPORT_SCENARIOS = ["top_customers", "best_sellers"]


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def metrics_diff(before_path, after_path):
    """Responses counted by the service itself (/q/metrics) during a scenario, by uri and status."""
    def parse(path):
        counts = {}
        try:
            with open(path) as f:
                for line in f:
                    m = re.match(r'http_server_requests_seconds_count\{(.*)\} ([0-9.eE+]+)', line)
                    if not m:
                        continue
                    labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
                    key = f'{labels.get("method")} {labels.get("uri")} {labels.get("status")}'
                    counts[key] = float(m.group(2))
        except OSError:
            pass
        return counts
    before, after = parse(before_path), parse(after_path)
    return {k: int(v - before.get(k, 0)) for k, v in sorted(after.items()) if v - before.get(k, 0) > 0}


def collect(work, size):
    meta = load(os.path.join(work, "meta.json")) or {}
    scenarios = {}
    for s in meta.get("scenarios", []):
        ph = lambda name: load(os.path.join(work, "phases", f"{s}.{name}.json"))  # noqa: E731
        wrk, pgb, cpu = ph("max"), ph("pgbench"), ph("cpu")
        r50, r80 = ph("rate50"), ph("rate80")
        if wrk is None:
            continue
        if wrk.get("windowed"):
            rps = wrk["window_posts"] / wrk["window_s"]
        else:
            rps = wrk["requests"] / (wrk["duration_us"] / 1e6)
        wrk_errors = sum(wrk[k] for k in ("errors_connect", "errors_read", "errors_write", "errors_status",
                                          "errors_timeout"))
        n_req = wrk["window_posts"] if wrk.get("windowed") else wrk["requests"]
        tps = pgb["tps"] if pgb else 0.0
        errors = wrk_errors + sum(r["errors"] for r in (r50, r80) if r)
        scenarios[s] = {
            "title": SCENARIO_TITLES.get(s, s),
            "max_rps": round(rps, 1),
            "wrk": wrk,
            "pgbench": pgb,
            "ratio": round(rps / tps, 3) if tps else None,
            "rate50": r50,
            "rate80": r80,
            "errors": errors,
            "cpu": cpu,
            # service CPU per request during the wrk phase (the tail GETs of POST scenarios are cheap and ignored)
            "service_cpu_ms_per_req": round(cpu["service_cpu_ms"] / n_req, 3) if cpu and n_req else None,
            # share of the machine's CPU that was busy during the wrk phase (service + PostgreSQL + wrk + others)
            "machine_busy_pct": round(100 * cpu["machine_busy_ms"] / (cpu["wall_ms"] * cpu["cores"]), 1)
            if cpu else None,
            "service_responses": metrics_diff(os.path.join(work, "phases", f"{s}.metrics-before.txt"),
                                              os.path.join(work, "phases", f"{s}.metrics-after.txt")),
        }
    return {"size": size, "meta": meta, "scenarios": scenarios}


def fmt(v, digits=1):
    if v is None:
        return "n/a"
    if isinstance(v, float):
        return f"{v:.{digits}f}"
    return str(v)


def table_rows(res):
    rows = []
    for s, d in res["scenarios"].items():
        r50, r80 = d["rate50"] or {}, d["rate80"] or {}
        pgb = d["pgbench"] or {}
        rows.append([
            s, fmt(d["max_rps"]), fmt(pgb.get("tps")), fmt(d["ratio"], 2),
            f'{fmt(r50.get("p50_ms"))} / {fmt(r50.get("p99_ms"))}',
            f'{fmt(r80.get("p50_ms"))} / {fmt(r80.get("p99_ms"))} / {fmt(r80.get("p999_ms"))}',
            str(d["errors"]) + (f' (+{pgb.get("failed")} pgbench)' if pgb.get("failed") else "")
            + (" pgbench ABORTED" if pgb.get("aborted") else ""),
        ])
    return rows


HEADER = ["scenario", "req/s (wrk)", "pgbench tps", "ratio", "p50 / p99 ms @50%", "p50 / p99 / p99.9 ms @80%",
          "errors"]


def print_table(res):
    rows = table_rows(res)
    widths = [max(len(str(r[i])) for r in rows + [HEADER]) for i in range(len(HEADER))]
    line = "  ".join(h.ljust(w) for h, w in zip(HEADER, widths))
    print(line)
    print("-" * len(line))
    for r in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)))
    m = res["meta"]
    c = m.get("check", {})
    print()
    print(f'JVM start to ready: {m.get("start_to_ready_ms")} ms (median of {m.get("starts_ms")}; first start with '
          f'Flyway migration {m.get("first_start_ms")} ms)   RSS after warm-up: {m.get("rss_after_warmup_mb")} MB '
          f'(end: {m.get("rss_end_mb")} MB)')
    if m.get("service_restarts_after"):
        print(f'WARNING: the service was found not ready and restarted after: {", ".join(m["service_restarts_after"])}')
    print(f'Oversell check: negative stock {c.get("negative_stock_products")}, conservation violations '
          f'{c.get("conservation_violations")} over {c.get("products_touched")} products touched, '
          f'inconsistent new orders {c.get("inconsistent_new_orders")}, rating mismatches {c.get("rating_mismatches")}, '
          f'report total mismatches {c.get("report_total_mismatches")}')


def md_table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


# ---- charts ----------------------------------------------------------------------------------------
def chart_ratio(res, path):
    sc = [s for s, d in res["scenarios"].items() if d["ratio"] is not None]
    ratios = [res["scenarios"][s]["ratio"] for s in sc]
    fig, ax = plt.subplots(figsize=(9, 4.5))
    colors = ["tab:green" if r >= RATIO_TARGETS.get(s, 0.6) else "tab:red" for s, r in zip(sc, ratios)]
    bars = ax.bar(sc, ratios, color=colors)
    for b, s in zip(bars, sc):
        d = res["scenarios"][s]
        ax.annotate(f'{d["ratio"]:.2f}\n{d["max_rps"]:.0f} / {d["pgbench"]["tps"]:.0f}',
                    (b.get_x() + b.get_width() / 2, b.get_height()), ha="center", va="bottom", fontsize=8)
    ax.axhline(0.6, ls="--", color="black", lw=1, label="target 0.6 (order, product by id)")
    ax.axhline(1.0, ls=":", color="grey", lw=1)
    ax.set_ylabel("service req/s ÷ pgbench tps")
    ax.set_title(f'Throughput relative to the physical limit (size {res["size"]}, '
                 f'{res["meta"].get("connections")} connections)')
    ax.set_ylim(0, max(1.1, max(ratios, default=1) * 1.25))
    ax.legend(loc="upper right", fontsize=8)
    plt.xticks(rotation=15)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def chart_latency(res, path):
    sc = list(res["scenarios"])
    cols = 3
    rows = (len(sc) + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(13, 4 * rows), squeeze=False)
    for ax, s in zip(axes.flat, sc):
        d = res["scenarios"][s]
        pts = [(p, d[f"rate{p}"]) for p in (50, 80) if d.get(f"rate{p}")]
        rates = [r["target_rate"] for _, r in pts]
        for key, label, style in (("p50_ms", "p50", "o-"), ("p99_ms", "p99", "s-"), ("p999_ms", "p99.9", "^-")):
            ax.plot(rates, [r[key] for _, r in pts], style, label=label)
        ax.axvline(d["max_rps"], ls="--", color="grey", lw=1)
        ax.annotate("max (wrk)", (d["max_rps"], ax.get_ylim()[1]), fontsize=7, ha="right", va="top", rotation=90)
        values = [r[k] for _, r in pts for k in ("p50_ms", "p99_ms", "p999_ms") if r[k] > 0]
        if values and max(values) / min(values) > 20:
            ax.set_yscale("log")
            ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:g}"))
            ax.yaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
        else:
            ax.set_ylim(0, max(values or [1]) * 1.15)
        ax.set_xlim(0, d["max_rps"] * 1.05)
        ax.set_title(d["title"], fontsize=9)
        ax.set_xlabel("offered rate, req/s (50 % and 80 % of max)")
        ax.set_ylabel("latency, ms (from intended send time)")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=7)
    for ax in list(axes.flat)[len(sc):]:
        ax.axis("off")
    fig.suptitle(f'Fixed-rate latency vs offered rate (size {res["size"]}, open loop, no coordinated omission)')
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def chart_s_vs_l(results, path):
    sc = [s for s in SCALING_SCENARIOS if s in (results.get("S") or results.get("L") or {"scenarios": {}})["scenarios"]]
    if not sc:
        sc = SCALING_SCENARIOS
    fig, ax = plt.subplots(figsize=(9, 4.5))
    width = 0.35
    xs = range(len(sc))
    for off, size, color in ((-width / 2, "S", "tab:blue"), (width / 2, "L", "tab:orange")):
        res = results.get(size)
        vals = []
        for s in sc:
            d = res["scenarios"].get(s) if res else None
            vals.append(d["rate50"]["p99_ms"] if d and d.get("rate50") else 0)
        bars = ax.bar([x + off for x in xs], vals, width, label=f"size {size}", color=color)
        for b, v in zip(bars, vals):
            ax.annotate("not run" if not res else f"{v:.1f}", (b.get_x() + b.get_width() / 2, max(b.get_height(), 0)),
                        ha="center", va="bottom", fontsize=8)
    ax.axhline(200, ls="--", color="red", lw=1, label="reports at L: 200 ms")
    ax.set_xticks(list(xs))
    ax.set_xticklabels(sc)
    ax.set_ylabel("p99 latency at 50 % of max rate, ms")
    ax.set_title("S vs L: p99 of listing and reports (target: L within 1.5 × S)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


# ---- RESULTS.md ------------------------------------------------------------------------------------
def verdict(ok):
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def targets(results):
    S, L, smoke = results.get("S"), results.get("L"), results.get("smoke")
    primary = L or S or smoke
    rows = []
    for size, res in (("S", S), ("L", L), ("smoke", smoke)):
        if not res:
            continue
        sc, c = res["scenarios"], res["meta"].get("check", {})
        o = sc.get("order")
        if o:
            zero_oversell = (c.get("negative_stock_products") == 0 and c.get("conservation_violations") == 0
                             and c.get("inconsistent_new_orders") == 0)
            ok = o["ratio"] is not None and o["ratio"] >= 0.6 and zero_oversell and o["errors"] == 0
            rows.append([f"order placement ≥ 0.6 × pgbench, zero oversell, 0 errors ({size})",
                         f'ratio {fmt(o["ratio"], 2)}, oversell checks {"clean" if zero_oversell else "VIOLATED"}, '
                         f'errors {o["errors"]}', verdict(ok)])
        p = sc.get("product")
        if p:
            rows.append([f"product by id ≥ 0.6 × pgbench ({size})", f'ratio {fmt(p["ratio"], 2)}',
                         verdict(p["ratio"] is not None and p["ratio"] >= 0.6)])
    for s in SCALING_SCENARIOS:
        ds = S and S["scenarios"].get(s)
        dl = L and L["scenarios"].get(s)
        if ds and dl and ds.get("rate50") and dl.get("rate50"):
            ps, pl = ds["rate50"]["p99_ms"], dl["rate50"]["p99_ms"]
            rows.append([f"{s}: p99 at L within 1.5 × p99 at S", f"S {ps:.1f} ms, L {pl:.1f} ms (× {pl / ps:.2f})",
                         verdict(pl <= 1.5 * ps)])
        else:
            rows.append([f"{s}: p99 at L within 1.5 × p99 at S",
                         f'S {fmt(ds["rate50"]["p99_ms"]) if ds and ds.get("rate50") else "not run"} ms, L not run',
                         "n/a"])
    for s in REPORT_SCENARIOS:
        dl = L and L["scenarios"].get(s)
        if dl and dl.get("rate50"):
            rows.append([f"{s} < 200 ms at L (p99 at 50 % of max)", f'{dl["rate50"]["p99_ms"]:.1f} ms',
                         verdict(dl["rate50"]["p99_ms"] < 200)])
        else:
            ds = S and S["scenarios"].get(s)
            rows.append([f"{s} < 200 ms at L (p99 at 50 % of max)",
                         "L not run" + (f' (S: {ds["rate50"]["p99_ms"]:.1f} ms)' if ds and ds.get("rate50") else ""),
                         "n/a"])
    m = primary["meta"]
    rows.append(["JVM start to ready < 1.5 s", f'{m.get("start_to_ready_ms")} ms (median of 3 restarts, size '
                 f'{primary["size"]})', verdict(m.get("start_to_ready_ms", 1e9) < 1500)])
    rows.append(["RSS after warm-up < 200 MB", f'{m.get("rss_after_warmup_mb")} MB (size {primary["size"]})',
                 verdict(m.get("rss_after_warmup_mb", 1e9) < 200)])
    return rows


def size_section(res, charts_rel):
    m, c = res["meta"], res["meta"].get("check", {})
    d = m.get("data", {})
    out = [f'## Size {res["size"]}', ""]
    out.append(f'Run {m.get("started")} → {m.get("finished")}, commit `{m.get("commit")}`. Data: '
               f'{d.get("products")} products, {d.get("customers")} customers, {d.get("orders")} orders, '
               f'{d.get("order_items")} order lines ({d.get("hot_line_pct")} % on the {10} hot products), '
               f'{d.get("reviews")} reviews, {d.get("categories")} categories; database {d.get("db_size_mb")} MB, '
               f'generated in {m.get("generate_ms", 0) / 1000:.0f} s. {m.get("connections")} connections '
               f'(wrk) = {m.get("connections")} pgbench clients, {m.get("duration_s")} s per measured phase, '
               f'{m.get("warmup_s")} s warm-up per scenario.')
    out.append("")
    out.append(md_table(HEADER, table_rows(res)))
    out.append("")
    out.append(f'- JVM start to ready: **{m.get("start_to_ready_ms")} ms** (median of 3 restarts on the migrated '
               f'database: {m.get("starts_ms")} ms; the very first start, which runs the Flyway migration on an '
               f'empty database: {m.get("first_start_ms")} ms).')
    out.append(f'- RSS after warm-up: **{m.get("rss_after_warmup_mb")} MB** (after all scenarios: '
               f'{m.get("rss_end_mb")} MB). JVM options: `{m.get("java_opts") or "(none: JVM defaults)"}`.')
    out.append(f'- Oversell and consistency checks after the run: products with stock < 0: '
               f'**{c.get("negative_stock_products")}**; products whose stock + ordered units changed: '
               f'**{c.get("conservation_violations")}** of {c.get("products_touched")} touched '
               f'({c.get("units_ordered_during_run")} units ordered, {c.get("stock_taken_during_run")} taken from stock); '
               f'orders written during the run: {c.get("orders_written_during_run")}, of which inconsistent '
               f'(total or item count ≠ their lines): **{c.get("inconsistent_new_orders")}**; products whose '
               f'rating sum/count differ from their reviews: **{c.get("rating_mismatches")}**; customers and products '
               f'whose all-time report totals differ from their orders: **{c.get("report_total_mismatches")}**.')
    if m.get("auth"):
        out.append(f'- The service requires bearer tokens: the run minted RS256 tokens with its own key pair (given to the '
                   f'service) for customers 1–{m.get("load_customers")} and one staff token; orders and reviews are sent '
                   f'as their customer, reports as staff; catalog reads anonymously. The per-caller order rate limit '
                   f'was raised to {m.get("rate_limit_orders")} a minute (SHOP_RATE_LIMIT_ORDERS) so that it does not '
                   f'throttle a capacity test; the limiter and the token checks stay on the request path.')
    elif "auth" in m:
        out.append('- The service did not ask for bearer tokens (a version without accounts).')
    out.append(f'- ERROR lines in the service log during the measured run: {m.get("service_error_log_lines")}; '
               f'service found not ready and restarted after: {", ".join(m.get("service_restarts_after") or []) or "never"}.')
    out.append(f'- Machine: {m.get("machine", {}).get("cpu")}, {m.get("machine", {}).get("cores")} cores (shared '
               f'with other work; load average at the end {m.get("machine", {}).get("loadavg_at_end")}). '
               f'{m.get("versions", {}).get("java")}; {m.get("versions", {}).get("postgres")}; '
               f'{m.get("versions", {}).get("wrk")}.')
    out.append("")
    out.append("Details per scenario (closed-loop wrk latency suffers from coordinated omission and is shown "
               "for reference only; pgbench latency is its average per transaction):")
    out.append("")
    rows = []
    for s, dd in res["scenarios"].items():
        w, pg = dd["wrk"], dd["pgbench"] or {}
        r50, r80 = dd["rate50"] or {}, dd["rate80"] or {}
        closed = ("n/a (window + tail GETs)" if w.get("windowed")
                  else f'{w["lat_p50_us"] / 1000:.1f} / {w["lat_p99_us"] / 1000:.1f}')
        rows.append([s, closed,
                     fmt(pg.get("latency_avg_ms"), 2),
                     f'{fmt(r50.get("target_rate"))} req/s, {r50.get("sent", 0)} requests, wait for a connection ≤ '
                     f'{fmt(r50.get("max_wait_for_connection_ms"))} ms',
                     f'{fmt(r80.get("target_rate"))} req/s, {r80.get("sent", 0)} requests, wait for a connection ≤ '
                     f'{fmt(r80.get("max_wait_for_connection_ms"))} ms',
                     fmt(dd.get("service_cpu_ms_per_req"), 2), fmt(dd.get("machine_busy_pct")),
                     ", ".join(f"{k}: {v}" for k, v in dd["service_responses"].items())])
    out.append(md_table(["scenario", "wrk p50 / p99 ms (closed loop)", "pgbench avg ms", "50 %: rate, requests",
                         "80 %: rate, requests", "service CPU ms / request (wrk phase)",
                         "machine CPU busy % (wrk phase)", "responses counted by the service (/q/metrics)"], rows))
    out.append("")
    out.append(f'![throughput ratio, size {res["size"]}]({charts_rel}/ratio-{res["size"]}.png)')
    out.append("")
    out.append(f'![latency vs offered rate, size {res["size"]}]({charts_rel}/latency-{res["size"]}.png)')
    out.append("")
    return out


def write_markdown(results, out_dir, charts_rel):
    lines = ["# Benchmark results", "",
             "Generated by `bench/run.sh` (see [README.md](README.md) for what is measured and how). "
             "ratio = service req/s (wrk, closed loop) ÷ pgbench tps of the same SQL at the same concurrency; "
             "latencies are from the fixed-rate driver at 50 % and 80 % of the wrk maximum, measured from each "
             "request's intended send time; errors = non-2xx responses and socket errors of the measured phases.",
             "", "## Targets", ""]
    lines.append(md_table(["target", "measured", "verdict"], targets(results)))
    lines.append("")
    lines.append(f"![S vs L]({charts_rel}/s-vs-l.png)")
    lines.append("")
    for size in ("S", "L"):
        if results.get(size):
            lines += size_section(results[size], charts_rel)
        else:
            lines += [f"## Size {size}", "", "not run", ""]
    smoke = results.get("smoke")
    if smoke:
        lines += size_section(smoke, charts_rel)
    with open(os.path.join(out_dir, "RESULTS.md"), "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--bench", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--size", required=True)
    a = ap.parse_args()

    res = collect(a.work, a.size)
    if a.size == "smoke":
        out_dir, results_dir, charts_rel = a.out, a.out, "."
        results = {"smoke": res}
    else:
        out_dir, results_dir, charts_rel = a.out, os.path.join(a.bench, "results"), "results"
        results = {}
        for size in ("S", "L"):
            if size != a.size:
                results[size] = load(os.path.join(results_dir, f"{size}.json"))
        results[a.size] = res
    os.makedirs(results_dir, exist_ok=True)
    with open(os.path.join(results_dir, f"{a.size}.json"), "w") as f:
        json.dump(res, f, indent=2)
    captured = os.path.join(a.work, "captured-sql.log")
    if os.path.exists(captured):
        shutil.copy(captured, os.path.join(results_dir, f"captured-sql-{a.size}.log"))
    chart_ratio(res, os.path.join(results_dir, f"ratio-{a.size}.png"))
    chart_latency(res, os.path.join(results_dir, f"latency-{a.size}.png"))
    chart_s_vs_l({k: v for k, v in results.items() if k in ("S", "L")}, os.path.join(results_dir, "s-vs-l.png"))
    write_markdown(results, out_dir, charts_rel)
    print()
    print(f"=== size {a.size} ===")
    print_table(res)
    print()
    print(f'RESULTS.md: {os.path.join(out_dir, "RESULTS.md")}; charts and raw results: {results_dir}/')
    for p in sorted(glob.glob(os.path.join(results_dir, "*.png"))):
        print("  " + p)


if __name__ == "__main__":
    main()
