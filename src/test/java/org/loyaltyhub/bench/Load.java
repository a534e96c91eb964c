package org.loyaltyhub.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/** Drives load: closed-loop workers on virtual threads, and an open-loop schedule at a fixed rate. */
final class Load {

    /** Grace given to requests still running when a phase ends (the client's own timeout is 30 s). */
    private static final Duration GRACE = Duration.ofSeconds(40);

    private Load() {
    }

    /** One call: returns null when the reply was right, otherwise a short label for the error. */
    @FunctionalInterface
    interface Call {
        String run() throws Exception;
    }

    /** Errors by label, in a stable order. */
    static final class Errors {
        private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();

        void add(String kind) {
            byKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }

        long total() {
            return byKind.values().stream().mapToLong(LongAdder::sum).sum();
        }

        @Override
        public String toString() {
            Map<String, Long> sorted = new TreeMap<>();
            byKind.forEach((k, v) -> sorted.put(k, v.sum()));
            return sorted.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                    .collect(Collectors.joining(", "));
        }
    }

    /** What a closed-loop phase measured (only requests started inside the measured window count). */
    record Result(String label, int concurrency, double seconds, long ok, Latencies.Summary latency, Errors errors,
                  long calls, CpuMeter.Sample cpu) {
        double perSecond() {
            return ok / seconds;
        }
    }

    static String label(Exception e) {
        return e.getClass().getSimpleName();
    }

    /**
     * {@code concurrency} workers call back to back for {@code warmup + measure}; calls started during the warm-up
     * are not counted.
     */
    static Result closedLoop(String label, int concurrency, Duration warmup, Duration measure, Call call)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        Errors errors = new Errors();
        LongAdder ok = new LongAdder();
        LongAdder calls = new LongAdder();
        CpuMeter.Sample before = CpuMeter.now();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long until = measureFrom + measure.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(Thread.ofVirtual().name(label + "-" + i).start(() -> {
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= until) {
                        return;
                    }
                    String error;
                    try {
                        error = call.run();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        error = label(e);
                    }
                    long t1 = System.nanoTime();
                    calls.increment();
                    if (t0 >= measureFrom) {
                        if (error == null) {
                            latencies.add(t1 - t0);
                            ok.increment();
                        } else {
                            errors.add(error);
                        }
                    }
                }
            }));
        }
        joinAll(workers, until + GRACE.toNanos());
        return new Result(label, concurrency, measure.toNanos() / 1e9, ok.sum(), latencies.summary(), errors,
                calls.sum(), CpuMeter.now().minus(before));
    }

    /** Runs {@code count} tasks at {@code perSecond}, each on its own virtual thread, whatever the earlier ones do. */
    static void openLoop(int count, double perSecond, OpenTask task) throws InterruptedException {
        long period = (long) (1e9 / perSecond);
        long start = System.nanoTime() + 50_000_000L;
        List<Thread> running = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long intended = start + i * period;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = i;
            running.add(Thread.ofVirtual().name("open-" + i).start(() -> task.run(n, intended)));
        }
        joinAll(running, System.nanoTime() + GRACE.toNanos());
    }

    @FunctionalInterface
    interface OpenTask {
        /** {@code intendedStart} is the scheduled start, so a late start counts against the latency. */
        void run(int n, long intendedStart);
    }

    private static void joinAll(List<Thread> threads, long deadline) throws InterruptedException {
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                t.join(Duration.ofNanos(left));
            }
            if (t.isAlive()) {
                t.interrupt();
            }
        }
    }
}
