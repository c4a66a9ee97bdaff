package com.plumbline.intake.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N connections, each sending the next pre-signed request as soon as the previous one is answered
 * (closed loop). Either for --seconds (throughput) or until --count requests are answered (a backlog).
 * Prints sent, ok, errors, seconds, rps (answered 200 per second), p50_ms, p99_ms.
 */
final class LoadGenerator {

    static void run(Bench.Options options) throws Exception {
        URI target = URI.create(options.get("url"));
        String series = options.get("series");
        int concurrency = options.number("concurrency", 64);
        int seconds = options.number("seconds", 0);
        int count = options.number("count", 0);
        int warmup = options.number("warmup", 0);
        TwilioRequests requests = new TwilioRequests(options.get("token"), options.get("public-url"));

        // pre-signed: enough for the run at a rate far above both sides' (a run stops early, and says so, when they run out)
        int prepared = count > 0 ? count : Math.max(20_000, seconds * options.number("max-rps", 8_000));
        List<TwilioRequests.Signed> signed = new ArrayList<>(prepared + warmup);
        for (int i = 0; i < prepared + warmup; i++) {
            signed.add(requests.ordinary(series, i));
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger next = new AtomicInteger();
        // warm-up: not measured (connections opened, JIT of both sides)
        if (warmup > 0) {
            drive(http, target, signed, next, warmup, concurrency, Long.MAX_VALUE, new long[warmup], new AtomicInteger());
        }
        int limit = warmup + prepared;
        long[] latencies = new long[prepared];
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = seconds > 0 ? start + seconds * 1_000_000_000L : Long.MAX_VALUE;
        int measuredFrom = next.get();
        int ok = drive(http, target, signed, next, limit, concurrency, deadline, latencies, errors, measuredFrom);
        double elapsed = (System.nanoTime() - start) / 1e9;
        int sent = Math.min(next.get(), limit) - measuredFrom;
        long[] done = Arrays.stream(latencies, 0, Math.min(sent, latencies.length)).filter(l -> l > 0).sorted().toArray();
        System.out.printf("sent=%d%nok=%d%nerrors=%d%nseconds=%.1f%nrps=%.0f%np50_ms=%.1f%np99_ms=%.1f%nexhausted=%s%n",
                sent, ok, errors.get(), elapsed, ok / elapsed, Bench.quantile(done, 0.50) / 1e6,
                Bench.quantile(done, 0.99) / 1e6, next.get() >= limit && seconds > 0);
    }

    private static int drive(HttpClient http, URI target, List<TwilioRequests.Signed> signed, AtomicInteger next,
                             int limit, int concurrency, long deadline, long[] latencies, AtomicInteger errors)
            throws InterruptedException {
        return drive(http, target, signed, next, limit, concurrency, deadline, latencies, errors, next.get());
    }

    private static int drive(HttpClient http, URI target, List<TwilioRequests.Signed> signed, AtomicInteger next,
                             int limit, int concurrency, long deadline, long[] latencies, AtomicInteger errors,
                             int offset) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Thread worker = new Thread(() -> {
                int i;
                while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < limit) {
                    TwilioRequests.Signed request = signed.get(i);
                    long sentAt = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(target)
                                .timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("X-Twilio-Signature", request.signature())
                                .POST(HttpRequest.BodyPublishers.ofString(request.form())).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 200) {
                            latencies[i - offset] = System.nanoTime() - sentAt;
                            ok.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return (int) ok.get();
    }
}
