package io.autocnn.coordinator.service;

import io.autocnn.coordinator.dispatch.SparkOptions;
import io.autocnn.coordinator.store.SqliteTrialStore;

import java.nio.file.Path;

/** The real service on a store the test also writes to, and a headless Chromium to look at its page with. */
record ServiceInBrowser(CoordinatorService service, HeadlessChromium browser) implements AutoCloseable {

    /** Spark's {@code local[cores]}: only one service per JVM (one Spark context), so one per test class. */
    static ServiceInBrowser start(Path dataDir, SqliteTrialStore store, int cores) {
        return start(ServiceOptions.loopback(dataDir), store, cores);
    }

    static ServiceInBrowser start(ServiceOptions options, SqliteTrialStore store, int cores) {
        CoordinatorService service = CoordinatorService.start(options,
                SparkOptions.embedded().withMaster("local[" + cores + "]").withConcurrency(1, cores), store);
        try {
            return new ServiceInBrowser(service, new HeadlessChromium());
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
    }

    /** The page as a user opens it: without ?test-hooks. */
    String plainPage(String fragment) {
        return "http://127.0.0.1:" + service.port() + "/#/" + fragment;
    }

    String page(String fragment) {
        // ?test-hooks: the page exposes what the tests read (window.__autocnn) only when asked.
        return "http://127.0.0.1:" + service.port() + "/?test-hooks#/" + fragment;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            service.close();
        }
    }
}
