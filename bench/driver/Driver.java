import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Fixed-rate (open-loop) load driver, free of coordinated omission, in the manner of wrk2. Single-file
 * program, JDK only:
 *
 * <pre>java bench/driver/Driver.java --url http://127.0.0.1:18080 --scenario product --rate 500 \
 *      --warmup 5 --duration 20 --connections 64 --out result.json</pre>
 *
 * Request i is due at start + i / rate. A fixed set of keep-alive HTTP/1.1 connections (one thread each)
 * takes the requests in order: a free connection waits until the next request is due and sends it; when
 * every connection is busy, due requests wait for the first free one. Latency is always measured from the
 * request's INTENDED send time to the end of its response, so a stall is charged to every request that
 * should have gone out during it (no coordinated omission), and the client never opens more connections than
 * --connections (a client that opens a new connection per waiting request overloads the server's accept
 * queue instead of measuring it).
 *
 * The first --warmup seconds run at the same rate and are not recorded (they warm this JVM). Bounded: at most
 * rate x (warmup + duration) requests; requests not answered --drain seconds after the last one was due
 * are abandoned and counted as "unfinished" errors with the time they had waited as their latency (a
 * lower bound). Connections are never closed with a request in flight before that deadline (the service
 * leaks a database connection when a client disconnects in the middle of a transaction).
 *
 * Scenarios and their parameters (environment, as for the wrk scripts): product (BENCH_ALL_PRODUCTS),
 * listing (BENCH_CATEGORIES), order (BENCH_PRODUCTS, BENCH_HOT, BENCH_CUSTOMERS), review (BENCH_POOL_FILE,
 * BENCH_POOL_FROM), top_customers, best_sellers. When the service requires bearer tokens, BENCH_TOKENS_FILE (line
 * k = customer k's token) and BENCH_STAFF_TOKEN are sent as run.sh mints them (see {@link Tokens}).
 *
 * Output: one JSON object (stdout, and the --out file): counts by status, latency percentiles in ms, the
 * achieved rate, the largest wait of a due request for a free connection, and the largest scheduling lag.
 */
public class Driver {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("mint")) {
            Tokens.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Map<String, String> opt = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        URI url = URI.create(opt.getOrDefault("url", "http://127.0.0.1:8080"));
        String scenario = opt.getOrDefault("scenario", "product");
        double rate = Double.parseDouble(opt.getOrDefault("rate", "100"));
        double duration = Double.parseDouble(opt.getOrDefault("duration", "10"));
        double warmup = Double.parseDouble(opt.getOrDefault("warmup", "0"));
        double drain = Double.parseDouble(opt.getOrDefault("drain", "15"));
        int connections = Integer.parseInt(opt.getOrDefault("connections", "64"));
        String out = opt.get("out");

        Workload workload = Workload.of(scenario, url.getHost() + ":" + url.getPort());
        int skip = (int) Math.round(rate * warmup);
        int measured = (int) Math.max(1, Math.round(rate * duration));
        int total = skip + measured;
        double periodNanos = 1e9 / rate;

        long[] latency = new long[total];
        Arrays.fill(latency, -1);
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger warmupErrors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        AtomicLong maxWait = new AtomicLong();
        AtomicInteger busy = new AtomicInteger();
        AtomicInteger maxBusy = new AtomicInteger();
        long start = System.nanoTime() + 200_000_000L;
        long lastDue = start + (long) ((total - 1) * periodNanos);
        long deadline = lastDue + (long) (drain * 1e9);

        List<Thread> workers = new ArrayList<>();
        List<Connection> conns = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Connection conn = new Connection(url.getHost(), url.getPort());
            conns.add(conn);
            Thread t = new Thread(() -> {
                while (true) {
                    int i = next.getAndIncrement();
                    if (i >= total) {
                        return;
                    }
                    long due = start + (long) (i * periodNanos);
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    long late = System.nanoTime() - due;
                    if (i >= skip && late > maxWait.get()) {
                        maxWait.set(late); // approximate max (racy by design, only informative)
                    }
                    if (System.nanoTime() > deadline) {
                        return; // abandoned: counted as unfinished below
                    }
                    int b = busy.incrementAndGet();
                    if (i >= skip && b > maxBusy.get()) {
                        maxBusy.set(b);
                    }
                    String key;
                    try {
                        key = Integer.toString(conn.exchange(workload.next(i), deadline));
                    } catch (IOException e) {
                        key = "error:" + e.getClass().getSimpleName();
                        conn.close();
                    }
                    busy.decrementAndGet();
                    long end = System.nanoTime();
                    if (i >= skip) {
                        latency[i] = end - due;
                        statuses.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    } else if (!key.startsWith("2")) {
                        warmupErrors.incrementAndGet();
                    }
                }
            }, "driver-" + c);
            t.setDaemon(true);
            workers.add(t);
        }
        workers.forEach(Thread::start);
        for (Thread t : workers) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left > 0) {
                t.join(left);
            }
        }
        long end = System.nanoTime();
        conns.forEach(Connection::close);

        // Requests never answered (or never sent) by the deadline: their latency is at least what they waited.
        int unfinished = 0;
        for (int i = skip; i < total; i++) {
            if (latency[i] < 0) {
                unfinished++;
                latency[i] = Math.max(0, end - (start + (long) (i * periodNanos)));
            }
        }
        long[] sorted = Arrays.copyOfRange(latency, skip, total);
        Arrays.sort(sorted);
        int ok = 0;
        int errors = unfinished;
        for (Map.Entry<String, AtomicInteger> e : statuses.entrySet()) {
            if (e.getKey().startsWith("2")) {
                ok += e.getValue().get();
            } else {
                errors += e.getValue().get();
            }
        }
        StringBuilder statusJson = new StringBuilder("{");
        new TreeMap<>(statuses).forEach((k, v) -> statusJson.append(statusJson.length() > 1 ? "," : "")
                .append('"').append(k).append("\":").append(v.get()));
        if (unfinished > 0) {
            statusJson.append(statusJson.length() > 1 ? "," : "").append("\"unfinished\":").append(unfinished);
        }
        statusJson.append('}');
        long measureStart = start + (long) (skip * periodNanos);
        double measuredSeconds = Math.max(1e-9, (Math.min(end, lastDue) - measureStart) / 1e9);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        String json = String.format(Locale.ROOT,
                "{\"scenario\":\"%s\",\"target_rate\":%.2f,\"duration_s\":%.2f,\"warmup_s\":%.1f,\"connections\":%d,"
                        + "\"sent\":%d,\"ok\":%d,\"errors\":%d,\"statuses\":%s,\"throughput\":%.2f,"
                        + "\"p50_ms\":%.3f,\"p90_ms\":%.3f,\"p99_ms\":%.3f,\"p999_ms\":%.3f,\"max_ms\":%.3f,"
                        + "\"mean_ms\":%.3f,\"max_wait_for_connection_ms\":%.3f,\"max_busy_connections\":%d,"
                        + "\"warmup_errors\":%d,\"pool_used_upto\":%d}",
                scenario, rate, duration, warmup, connections, measured, ok, errors, statusJson,
                ok / measuredSeconds, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, mean, maxWait.get() / 1e6,
                maxBusy.get(), warmupErrors.get(), workload.poolUsedUpto(Math.min(next.get(), total)));
        System.out.println(json);
        if (out != null) {
            Files.writeString(Path.of(out), json + "\n");
        }
        System.exit(0);
    }

    /** Percentile by the nearest-rank method, in ms (0 when empty). */
    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] / 1e6;
    }

    /** One keep-alive HTTP/1.1 connection, (re)opened on demand. */
    static final class Connection {
        private final String host;
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(String host, int port) {
            this.host = host;
            this.port = port;
        }

        /** Sends one request and reads the whole response; returns the status code. */
        int exchange(byte[] request, long deadlineNanos) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), 5000);
                in = new BufferedInputStream(socket.getInputStream(), 65536);
                out = socket.getOutputStream();
            }
            // Read timeout: until the run's deadline (plus a little), never shorter than 1 s.
            socket.setSoTimeout((int) Math.max(1000, (deadlineNanos - System.nanoTime()) / 1_000_000 + 1000));
            out.write(request);
            out.flush();
            String statusLine = readLine();
            if (statusLine == null) {
                throw new IOException("connection closed by the server");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long contentLength = -1;
            boolean chunked = false;
            boolean close = false;
            String line;
            while ((line = readLine()) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> contentLength = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            if (chunked) {
                while (true) {
                    String size = readLine();
                    if (size == null) {
                        throw new IOException("truncated chunked body");
                    }
                    int semi = size.indexOf(';');
                    long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                    if (n == 0) {
                        while ((line = readLine()) != null && !line.isEmpty()) {
                            // trailers
                        }
                        break;
                    }
                    skip(n);
                    readLine();
                }
            } else if (contentLength > 0) {
                skip(contentLength);
            }
            if (close) {
                close();
            }
            return status;
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long s = in.skip(n);
                if (s <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("truncated body");
                    }
                    s = 1;
                }
                n -= s;
            }
        }

        private String readLine() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    int len = sb.length();
                    if (len > 0 && sb.charAt(len - 1) == '\r') {
                        sb.setLength(len - 1);
                    }
                    return sb.toString();
                }
                sb.append((char) c);
            }
            return sb.length() == 0 ? null : sb.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException e) {
                // nothing to do
            }
            socket = null;
        }
    }

    /**
     * Mints the bearer tokens the benchmark sends when the service requires them (RS256 JWTs signed with the
     * private key that run.sh generated and gave the service): one per customer, sub = customer id, groups =
     * customer, and one staff token. Usage: {@code java Driver mint --key private.pem --issuer ISS
     * --customers N --out tokens.txt --staff-out staff.token}; line k of tokens.txt is customer k's token.
     */
    static final class Tokens {
        static void main(String[] args) throws Exception {
            Map<String, String> opt = new TreeMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
            String pem = Files.readString(Path.of(opt.get("key")))
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            java.security.PrivateKey key = java.security.KeyFactory.getInstance("RSA")
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(java.util.Base64.getDecoder().decode(pem)));
            String issuer = opt.getOrDefault("issuer", "https://shop.example");
            int customers = Integer.parseInt(opt.getOrDefault("customers", "0"));
            long now = System.currentTimeMillis() / 1000;
            long exp = now + Long.parseLong(opt.getOrDefault("lifetime", "43200"));
            java.security.Signature signer = java.security.Signature.getInstance("SHA256withRSA");
            StringBuilder out = new StringBuilder();
            for (int c = 1; c <= customers; c++) {
                out.append(sign(signer, key, issuer, Integer.toString(c), "customer", now, exp)).append('\n');
            }
            Files.writeString(Path.of(opt.getOrDefault("out", "tokens.txt")), out);
            if (opt.containsKey("staff-out")) {
                Files.writeString(Path.of(opt.get("staff-out")),
                        sign(signer, key, issuer, "staff:bench", "staff", now, exp) + "\n");
            }
        }

        static String sign(java.security.Signature signer, java.security.PrivateKey key, String issuer, String sub,
                           String group, long iat, long exp) throws Exception {
            java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
            String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload = b64.encodeToString(String.format(Locale.ROOT,
                    "{\"iss\":\"%s\",\"sub\":\"%s\",\"groups\":[\"%s\"],\"iat\":%d,\"exp\":%d,\"jti\":\"bench-%s\"}",
                    issuer, sub, group, iat, exp, sub).getBytes(StandardCharsets.UTF_8));
            signer.initSign(key);
            signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64.encodeToString(signer.sign());
        }
    }

    /** Builds the requests of a scenario with the same distributions as the wrk scripts (bench/wrk/lib.lua). */
    abstract static class Workload {
        final String hostHeader;
        /** Bearer tokens when the service requires them (BENCH_TOKENS_FILE: line k = customer k; BENCH_STAFF_TOKEN). */
        static final List<String> TOKENS = new ArrayList<>();
        static final String STAFF_TOKEN = System.getenv("BENCH_STAFF_TOKEN");

        static {
            String file = System.getenv("BENCH_TOKENS_FILE");
            if (file != null && !file.isBlank()) {
                try {
                    TOKENS.addAll(Files.readAllLines(Path.of(file)));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        Workload(String hostHeader) {
            this.hostHeader = hostHeader;
        }

        static String customerAuth(long customerId) {
            return TOKENS.isEmpty() ? "" : "Authorization: Bearer " + TOKENS.get((int) customerId - 1) + "\r\n";
        }

        static String staffAuth() {
            return STAFF_TOKEN == null || STAFF_TOKEN.isBlank() ? "" : "Authorization: Bearer " + STAFF_TOKEN.trim() + "\r\n";
        }

        static Workload of(String scenario, String hostHeader) throws IOException {
            return switch (scenario) {
                case "product" -> new Get(hostHeader, () -> "/api/products/" + rnd(1, env("BENCH_ALL_PRODUCTS")));
                case "listing" -> new Get(hostHeader, () -> "/api/products?category=" + rnd(1, env("BENCH_CATEGORIES"))
                        + "&inStock=true&sort=price");
                case "top_customers" -> new Get(hostHeader, () -> "/api/reports/top-customers", staffAuth());
                case "best_sellers" -> new Get(hostHeader, () -> "/api/reports/best-sellers", staffAuth());
                case "order" -> new Order(hostHeader, env("BENCH_PRODUCTS"), env("BENCH_HOT"), env("BENCH_CUSTOMERS"));
                case "review" -> new Review(hostHeader, Path.of(System.getenv("BENCH_POOL_FILE")), env("BENCH_POOL_FROM"));
                default -> throw new IllegalArgumentException("unknown scenario " + scenario);
            };
        }

        abstract byte[] next(int i);

        long poolUsedUpto(int sent) {
            return 0;
        }

        static int env(String name) {
            String v = System.getenv(name);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException("environment variable " + name + " is not set");
            }
            return Integer.parseInt(v.trim());
        }

        static int rnd(int from, int to) {
            return ThreadLocalRandom.current().nextInt(from, to + 1);
        }

        byte[] get(String path, String auth) {
            return ("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAccept: application/json\r\n" + auth
                    + "\r\n").getBytes(StandardCharsets.UTF_8);
        }

        byte[] post(String path, String body, String auth) {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAccept: application/json\r\n"
                    + auth + "Content-Type: application/json\r\nContent-Length: " + b.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] all = Arrays.copyOf(head, head.length + b.length);
            System.arraycopy(b, 0, all, head.length, b.length);
            return all;
        }
    }

    static final class Get extends Workload {
        private final java.util.function.Supplier<String> path;
        private final String auth;

        Get(String hostHeader, java.util.function.Supplier<String> path) {
            this(hostHeader, path, "");
        }

        Get(String hostHeader, java.util.function.Supplier<String> path, String auth) {
            super(hostHeader);
            this.path = path;
            this.auth = auth;
        }

        @Override
        byte[] next(int i) {
            return get(path.get(), auth);
        }
    }

    /** 1-5 lines, line 1 on a hot product, line k on slice k-1 of the other orderable products; quantity 1-3. */
    static final class Order extends Workload {
        private final int products;
        private final int hot;
        private final int customers;

        Order(String hostHeader, int products, int hot, int customers) {
            super(hostHeader);
            this.products = products;
            this.hot = hot;
            this.customers = customers;
        }

        @Override
        byte[] next(int i) {
            int n = rnd(1, 5);
            int slice = (products - hot) / 4;
            int customer = rnd(1, customers);
            StringBuilder body = new StringBuilder("{\"customerId\":").append(customer).append(",\"items\":[");
            for (int k = 1; k <= n; k++) {
                int id = k == 1 ? rnd(1, hot) : hot + (k - 2) * slice + rnd(1, slice);
                body.append(k > 1 ? "," : "").append("{\"productId\":").append(id)
                        .append(",\"quantity\":").append(rnd(1, 3)).append('}');
            }
            return post("/api/orders", body.append("]}").toString(), customerAuth(customer));
        }
    }

    /** Pairs n = from, from+1, ... of the review pool file ("n,customer,product" lines); request i takes pair i. */
    static final class Review extends Workload {
        private final List<long[]> pairs = new ArrayList<>();

        Review(String hostHeader, Path poolFile, int from) throws IOException {
            super(hostHeader);
            try (var lines = Files.lines(poolFile)) {
                lines.map(l -> l.split(",")).filter(f -> f.length == 3 && Long.parseLong(f[0]) >= from)
                        .forEach(f -> pairs.add(new long[]{Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])}));
            }
            pairs.sort((a, b) -> Long.compare(a[0], b[0]));
            if (pairs.isEmpty()) {
                throw new IllegalStateException("review pool exhausted");
            }
        }

        @Override
        byte[] next(int i) {
            long[] pair = pairs.get(i % pairs.size()); // wraps (409s) only if the pool is too small
            return post("/api/products/" + pair[2] + "/reviews", "{\"customerId\":" + pair[1] + ",\"rating\":"
                    + rnd(1, 5) + ",\"title\":\"Benchmark\",\"body\":\"Written by the benchmark.\"}", customerAuth(pair[1]));
        }

        @Override
        long poolUsedUpto(int sent) {
            return pairs.get(Math.max(0, Math.min(sent, pairs.size()) - 1))[0];
        }
    }
}
