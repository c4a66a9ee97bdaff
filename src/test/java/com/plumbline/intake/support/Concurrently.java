package com.plumbline.intake.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs one action from several threads released together by a start gate. */
public final class Concurrently {

    private Concurrently() {
    }

    /** @return each thread's result or the exception it threw, in thread order */
    public static <T> List<Object> run(int threads, Callable<T> action) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                start.await();
                return action.call();
            }));
        }
        ready.await(10, TimeUnit.SECONDS);
        start.countDown();
        List<Object> results = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                results.add(future.get(60, TimeUnit.SECONDS));
            } catch (Exception e) {
                results.add(e.getCause() == null ? e : e.getCause());
            }
        }
        pool.shutdownNow();
        return results;
    }
}
