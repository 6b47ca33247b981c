package io.autocnn.ui;

import java.time.Duration;

/**
 * Bounds on the event streams a service keeps open: a browser tab holds one stream, so a client (by its address) with
 * more than {@code perClient} is refused with 429 and the service with {@code total} open refuses more with 503. A
 * stream older than {@code maxAge} is ended; the browser's EventSource reconnects at once and resumes from its last
 * event id, so nothing is missed, and a client that stopped reading cannot hold a connection for ever.
 */
public record StreamLimits(int perClient, int total, Duration maxAge) {

    public static final StreamLimits DEFAULT = new StreamLimits(8, 256, Duration.ofMinutes(10));

    public StreamLimits {
        if (perClient < 1 || total < perClient || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("stream limits need 1 <= perClient <= total and a positive age, got "
                    + perClient + ", " + total + ", " + maxAge);
        }
    }
}
